using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Posts a weekly digest with <c>chat.postMessage</c> and the workspace's token (paced to one per second per channel
/// by <see cref="SlackChannelPacer"/> inside the client), with message metadata naming its digest key so that
/// <see cref="SlackDigestDeliveryCheck"/> can find it again. Never throws for delivery problems: a 429 is a throttle
/// whose Retry-After goes to the outbox (the call is not held open to wait it out), 5xx is
/// <see cref="DeliveryStatus.RetryLater"/>, a timeout or a connection broken mid-call is
/// <see cref="DeliveryStatus.Unknown"/>, and a gone channel, a removed bot or a dead token is permanent, as is a
/// channel shared with another organisation (conversations.info, asked first; its errors count like the post's).
/// </summary>
public sealed class SlackDigestSender(SlackApiClient slack, SlackMessageRenderer renderer, SlackSharedChannels sharedChannels, ILogger<SlackDigestSender> logger) : IDigestSender
{
    /// <summary>Why a digest was not posted in a channel shared with another organisation; <c>map settings</c> shows it.</summary>
    public const string SharedChannelReason =
        "the channel is shared with another organisation, so reminders are not posted there; link the maps to a private channel of your own team";

    private static readonly HashSet<string> Permanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "account_inactive", "is_archived", "invalid_auth", "token_revoked",
        "not_installed", "not_authed", "no_permission", "missing_scope", "team_access_not_granted", "restricted_action",
        "ekm_access_denied", "org_login_required", "invalid_blocks", "msg_too_long",
    };

    public Platform Platform => Platform.Slack;

    public async Task<DeliveryResult> SendAsync(PlannedDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var team = TeamKeyOf(digest.Workspace);
        // A Slack channel id is where to post: the workspace's token is all else a call needs.
        var channel = digest.ChannelId;
        var result = await TrySendAsync(team, channel, digest, cancellationToken);
        Log.DigestDelivery(logger, digest.Key.Value, result.Status.ToString(), result.Detail);
        return result;
    }

    /// <summary><c>slack:T01</c> → (null, T01); <c>slack:E01:T01</c> → (E01, T01).</summary>
    public static SlackTeamKey TeamKeyOf(WorkspaceKey workspace)
    {
        var parts = workspace.Value.Split(':');
        return parts.Length == 3 ? new SlackTeamKey(parts[1], parts[2]) : new SlackTeamKey(null, parts[^1]);
    }

    private Task<DeliveryResult> TrySendAsync(SlackTeamKey team, string channel, PlannedDigest digest, CancellationToken cancellationToken) =>
        SlackDelivery.TryAsync(async () =>
        {
            // Checked before every digest: a channel shared since the map was linked gets no map content.
            if (await sharedChannels.IsSharedAsync(slack, team, channel, cancellationToken))
                return DeliveryResult.Permanent(SharedChannelReason);

            var response = await slack.PostMessageAsync(
                team, channel, renderer.Render(digest.Digest) with { ResponseType = null }, SlackDigestMetadata.For(digest.Key), RateLimitHandling.Throw, cancellationToken);
            return DeliveryResult.Delivered(response.Ts);
        }, Permanent, cancellationToken);
}
