using AccountBot.Core.Caching;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Whether a channel is shared with another organisation (conversations.info <c>is_ext_shared</c>, or an invitation
/// pending), asked before every post of map content. An answer is kept at most <see cref="MaxAge"/> per channel, at
/// most <see cref="Capacity"/> channels, and forgotten when Slack sends <c>channel_shared</c> / <c>channel_unshared</c>.
/// </summary>
public sealed class SlackSharedChannels(TimeProvider time, ILogger<SlackSharedChannels> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int Capacity = 10_000;

    private readonly ExpiringCache<(SlackTeamKey Team, string Channel), bool> _known = new(time, MaxAge, Capacity);

    /// <summary>Asks Slack unless a fresh answer is kept; a failed call throws (<see cref="SlackApiException"/>, <see cref="HttpRequestException"/>).</summary>
    public async Task<bool> IsSharedAsync(SlackApiClient slack, SlackTeamKey team, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slack);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        if (_known.TryGet((team, channel), out var known))
            return known;
        var info = await slack.ConversationsInfoAsync(team, channel, cancellationToken);
        var shared = info.Channel is { IsExtShared: true } or { IsPendingExtShared: true };
        Remember(team, channel, shared);
        return shared;
    }

    /// <summary><see cref="IsSharedOrUnknownAsync(SlackApiClient, SlackTeamKey, string?, bool?, CancellationToken)"/> with a request's bound client.</summary>
    public Task<bool> IsSharedOrUnknownAsync(SlackWorkspaceClient api, string? channel, bool? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return IsSharedOrUnknownAsync(api.Client, api.Team, channel, known, cancellationToken);
    }

    /// <summary>
    /// The same for a listener before its ack, asking Slack within the ack budget (<see cref="SlackListenerContext.BeforeAck"/>).
    /// A kept answer is given without building the request's client: the common case, every map shown in a channel.
    /// </summary>
    public async Task<bool> IsSharedOrUnknownAsync(SlackListenerContext context, string? channel)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (channel is { Length: > 0 } && _known.TryGet((context.Team, channel), out var kept))
            return kept;
        return await IsSharedOrUnknownAsync(context.Api.Client, context.Team, channel, null, context.BeforeAck);
    }

    /// <summary>
    /// The same, but a channel that cannot be checked counts as shared: no map content goes where we cannot tell
    /// who reads it, nor when the ack budget (the token) ran out first. <paramref name="known"/> is what the payload already says (<c>is_ext_shared_channel</c>).
    /// </summary>
    public async Task<bool> IsSharedOrUnknownAsync(SlackApiClient slack, SlackTeamKey team, string? channel, bool? known, CancellationToken cancellationToken)
    {
        if (known is { } said)
        {
            if (channel is { Length: > 0 })
                Remember(team, channel, said);
            return said;
        }

        if (channel is not { Length: > 0 })
            return true;
        try
        {
            return await IsSharedAsync(slack, team, channel, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.SharingUnknown(logger, channel, e is SlackApiException api ? api.Error : e.GetType().Name);
            return true;
        }
    }

    /// <summary>
    /// The channel was shared or unshared: ask again at its next post. Channel ids are unique across Slack, so
    /// every workspace's answer for it goes (a Connect channel's event names only one installation).
    /// </summary>
    public void Forget(string channel) => _known.RemoveWhere(key => key.Channel == channel);

    private void Remember(SlackTeamKey team, string channel, bool shared) => _known.Set((team, channel), shared);
}
