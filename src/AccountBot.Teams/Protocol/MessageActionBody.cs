namespace AccountBot.Teams.Protocol;

/// <summary>A message's body in a message action: <c>contentType</c> <c>html</c> (what Teams sends) or <c>text</c>.</summary>
public sealed record MessageActionBody
{
    public const string Html = "html";

    public string? ContentType { get; init; }

    public string? Content { get; init; }
}
