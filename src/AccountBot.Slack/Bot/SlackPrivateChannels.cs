using AccountBot.Core.Features.Routing;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Whether a map about to be created is created in a private channel (conversations.info <c>is_private</c>, DMs and
/// group DMs aside), asked before the ack and only for <c>create</c> (<see cref="SlackMapListeners"/>). When Slack cannot
/// tell in time the channel counts as private: the map is then still seen where it was made and by its owner, who can
/// make it public.
/// </summary>
public sealed class SlackPrivateChannels(ILogger<SlackPrivateChannels> logger)
{
    /// <summary>What slash commands send as <c>channel_name</c> for a private channel.</summary>
    public const string PrivateGroupName = "privategroup";

    /// <summary>
    /// The request marked private when its channel is (the caller knows it creates a map), asked through the request's
    /// bound client.
    /// </summary>
    public async Task<RequestContext> MarkAsync(RequestContext request, SlackWorkspaceClient api, string? channelName, CancellationToken beforeAck)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(api);
        if (string.Equals(channelName, PrivateGroupName, StringComparison.Ordinal))
            return request with { PrivateChannel = true };

        var channel = request.Channel.Id;
        try
        {
            var info = (await api.Client.ConversationsInfoAsync(api.Team, channel, beforeAck)).Channel;
            return request with { PrivateChannel = info is { IsPrivate: true, IsIm: false, IsMpim: false } };
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.PrivacyUnknown(logger, channel, e is SlackApiException refused ? refused.Error : e.GetType().Name);
            return request with { PrivateChannel = true };
        }
    }
}
