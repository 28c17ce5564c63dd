namespace AccountBot.Slack.Protocol;

/// <summary>Someone opened the app's Home (<see cref="Tab"/> <c>home</c>) or its Messages tab.</summary>
public sealed record AppHomeOpenedEvent : SlackEvent
{
    public const string HomeTab = "home";

    public required string User { get; init; }

    /// <summary>The direct-message conversation between the user and the app.</summary>
    public string? Channel { get; init; }

    public string? Tab { get; init; }
}
