using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Sends a nudge as a direct message: <c>conversations.open</c> with the recipient (scope <c>im:write</c>), then
/// <c>chat.postMessage</c> to that channel with the workspace's token. Never throws for delivery problems: a 429 is a
/// throttle, 5xx a retry, a timeout unknown (the outbox sends it again), a deactivated user or a dead token permanent.
/// </summary>
public sealed class SlackNudgeSender(SlackApiClient slack, ILogger<SlackNudgeSender> logger) : INudgeSender
{
    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "user_not_found", "user_disabled", "cannot_dm_bot", "channel_not_found", "account_inactive", "invalid_auth", "token_revoked",
        "not_installed", "not_authed", "no_permission", "missing_scope", "team_access_not_granted", "restricted_action",
        "ekm_access_denied", "org_login_required", "invalid_blocks", "msg_too_long",
    };

    public Platform Platform => Platform.Slack;

    public async Task<DeliveryResult> SendAsync(PlannedNudge nudge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var result = await TrySendAsync(nudge, cancellationToken);
        Log.NudgeDelivery(logger, nudge.Key.Value, result.Status.ToString(), result.Detail);
        return result;
    }

    private Task<DeliveryResult> TrySendAsync(PlannedNudge nudge, CancellationToken cancellationToken)
    {
        var team = SlackDigestSender.TeamKeyOf(nudge.Workspace);
        return SlackDelivery.TryAsync(async () =>
        {
            var opened = await slack.ConversationsOpenAsync(team, nudge.Recipient.Id, cancellationToken);
            if (opened.Channel?.Id is not { Length: > 0 } channel)
            {
                return DeliveryResult.RetryLater("conversations.open returned no channel");
            }

            var response = await slack.PostMessageAsync(
                team, channel, NudgeBlocks.Render(nudge.Nudge), null, RateLimitHandling.Throw, cancellationToken);
            return DeliveryResult.Delivered(response.Ts);
        }, Permanent, cancellationToken);
    }
}
