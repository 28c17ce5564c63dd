namespace AccountBot.Slack.WebApi;

/// <summary>chat.getPermalink: a link to one message.</summary>
public sealed record PermalinkResponse : SlackApiResponse
{
    public string? Permalink { get; init; }
}
