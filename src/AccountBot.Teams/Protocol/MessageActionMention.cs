using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>One mention of a message action's message: the <c>id</c> its <c>&lt;at&gt;</c> tag carries, its text, and who.</summary>
public sealed record MessageActionMention
{
    // Graph writes it as a number; read a quoted one too rather than lose the whole payload.
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int Id { get; init; }

    public string? MentionText { get; init; }

    public MessageActionIdentity? Mentioned { get; init; }
}
