using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.WebApi;

/// <summary>views.open / views.update / views.push: the view as Slack now holds it (id and hash for updates).</summary>
public sealed record ViewResponse : SlackApiResponse
{
    public SlackViewInfo? View { get; init; }
}
