namespace AccountBot.Slack.WebApi;

/// <summary>Details Slack adds to an answer, e.g. which block was invalid.</summary>
public sealed record SlackResponseMetadata
{
    public IReadOnlyList<string> Messages { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public string? NextCursor { get; init; }
}
