using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// After a digest attempt whose answer was lost, reads the channel's history (<c>conversations.history</c> with
/// <c>include_all_metadata</c>, from shortly before the attempt started) for the message carrying the digest's key in
/// its metadata (<see cref="SlackDigestMetadata"/>). Found: posted. Every page read without it: not posted. Slack
/// busy or down: try later. No way to read the channel (missing <c>channels:history</c>/<c>groups:history</c>, a
/// direct message, the bot gone): cannot tell, and the outbox sends again.
/// </summary>
public sealed class SlackDigestDeliveryCheck(SlackApiClient slack, ILogger<SlackDigestDeliveryCheck> logger) : IDigestDeliveryCheck
{
    /// <summary>Read from this long before the attempt started: our clock and Slack's may disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Messages per page: within what Slack serves any app (apps outside the Marketplace get at most 15 per call).</summary>
    public const int PageSize = 15;

    /// <summary>Pages read at most; a channel busier than that since the attempt cannot be checked in full.</summary>
    public const int MaxPages = 20;

    // Errors that will not go away by asking again: the channel cannot be read.
    private static readonly HashSet<string> CannotRead = new(StringComparer.Ordinal)
    {
        "missing_scope", "not_in_channel", "channel_not_found", "not_installed", "invalid_auth", "account_inactive",
        "token_revoked", "not_authed", "no_permission", "team_access_not_granted", "ekm_access_denied", "is_archived",
    };

    public Platform Platform => Platform.Slack;

    public async Task<DeliveryCheckResult> CheckAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var result = await FindAsync(entry, cancellationToken);
        Log.DigestChecked(logger, entry.Key.Value, result.Status.ToString(), result.Detail ?? result.MessageId);
        return result;
    }

    /// <summary>Slack's ts for an instant: seconds since the epoch, six decimals.</summary>
    public static string Ts(DateTimeOffset at) =>
        (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);

    private async Task<DeliveryCheckResult> FindAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var team = SlackDigestSender.TeamKeyOf(entry.Key.Workspace);
        var channel = entry.Key.ChannelId;
        var oldest = Ts((entry.AttemptStartedAt ?? entry.CreatedAt) - ClockSkew);
        string? cursor = null;
        try
        {
            for (var page = 0; page < MaxPages; page++)
            {
                var history = await slack.ConversationsHistoryAsync(team, channel, oldest, cursor, PageSize, cancellationToken);
                if (history.Messages.FirstOrDefault(m => SlackDigestMetadata.Marks(m, entry.Key)) is { } found)
                    return DeliveryCheckResult.Posted(found.Ts);

                cursor = history.ResponseMetadata?.NextCursor;
                if (!history.HasMore || string.IsNullOrEmpty(cursor))
                    return DeliveryCheckResult.NotPosted();
            }

            return DeliveryCheckResult.CannotTell($"more than {MaxPages * PageSize} messages since the attempt");
        }
        catch (SlackApiException e) when (CannotRead.Contains(e.Error))
        {
            return DeliveryCheckResult.CannotTell(e.Error);
        }
        catch (SlackApiException e)
        {
            // ratelimited, 5xx, internal_error, unreadable answers.
            return DeliveryCheckResult.TryLater(e.Error);
        }
        catch (HttpRequestException e)
        {
            return DeliveryCheckResult.TryLater("network: " + e.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryCheckResult.TryLater("timeout");
        }
    }
}
