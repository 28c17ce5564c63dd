using System.Globalization;
using AccountBot.Slack.Installations;

namespace AccountBot.Slack.WebApi;

/// <summary>The conversations.* methods.</summary>
public sealed partial class SlackApiClient
{
    /// <summary>
    /// One page of a channel's messages at or after <paramref name="oldest"/> (a Slack ts), newest first, with every
    /// message's metadata. Needs <c>channels:history</c> (public channels) or <c>groups:history</c> (private ones).
    /// A 429 is thrown at once with its Retry-After: callers page on their own schedule.
    /// </summary>
    public Task<ConversationsHistoryResponse> ConversationsHistoryAsync(
        SlackTeamKey team, string channel, string oldest, string? cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(oldest);
        var fields = new Dictionary<string, string>
        {
            ["channel"] = channel,
            ["oldest"] = oldest,
            ["inclusive"] = "true",
            ["include_all_metadata"] = "true",
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
        };
        if (cursor is { Length: > 0 })
            fields["cursor"] = cursor;
        return CallFormAsync("conversations.history", team, fields, _json.ConversationsHistoryResponse, cancellationToken, RateLimitHandling.Throw);
    }

    /// <summary>
    /// conversations.info: whether a conversation is shared with another organisation. Needs <c>channels:read</c>,
    /// <c>groups:read</c>, <c>im:read</c> or <c>mpim:read</c> for its kind.
    /// </summary>
    public Task<ConversationsInfoResponse> ConversationsInfoAsync(SlackTeamKey team, string channel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return CallFormAsync("conversations.info", team, new Dictionary<string, string> { ["channel"] = channel }, _json.ConversationsInfoResponse, cancellationToken);
    }

    /// <summary>conversations.open: the direct-message channel with one user (opened if need be). Needs <c>im:write</c>.</summary>
    public Task<ConversationsInfoResponse> ConversationsOpenAsync(SlackTeamKey team, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return CallFormAsync("conversations.open", team, new Dictionary<string, string> { ["users"] = userId }, _json.ConversationsInfoResponse, cancellationToken, RateLimitHandling.Throw);
    }
}
