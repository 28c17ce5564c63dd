using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;

namespace AccountBot.Slack.WebApi;

/// <summary>The App Home: views.publish.</summary>
public sealed partial class SlackApiClient
{
    /// <summary>Publishes <paramref name="view"/> as <paramref name="userId"/>'s Home tab (replacing what they saw).</summary>
    public Task<ViewResponse> PublishViewAsync(SlackTeamKey team, string userId, HomeTabView view, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(view);
        return CallAsync("views.publish", team, new ViewsPublishRequest(userId, view), _json.ViewsPublishRequest, _json.ViewResponse, cancellationToken);
    }
}
