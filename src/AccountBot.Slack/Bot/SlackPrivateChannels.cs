using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Whether a map about to be created is created in a private channel (conversations.info <c>is_private</c>, DMs and
/// group DMs aside), asked only for <c>create</c>, before the ack. When Slack cannot tell in time the channel counts as
/// private: the map is then still seen where it was made and by its owner, who can make it public.
/// </summary>
public sealed class SlackPrivateChannels(ILogger<SlackPrivateChannels> logger)
{
    /// <summary>What slash commands send as <c>channel_name</c> for a private channel.</summary>
    public const string PrivateGroupName = "privategroup";

    /// <summary>The request marked private when it creates a map in a private channel, asked through the request's bound client.</summary>
    public Task<RequestContext> WithPrivacyAsync(RequestContext request, string commandText, SlackWorkspaceClient api, string? channelName, CancellationToken beforeAck)
    {
        ArgumentNullException.ThrowIfNull(api);
        return WithPrivacyAsync(request, commandText, api.Client, api.Team, channelName, beforeAck);
    }

    public async Task<RequestContext> WithPrivacyAsync(
        RequestContext request, string commandText, SlackApiClient slack, SlackTeamKey team, string? channelName, CancellationToken beforeAck)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(slack);
        if (CommandParser.Parse(commandText) is not CreateMap)
            return request;
        if (string.Equals(channelName, PrivateGroupName, StringComparison.Ordinal))
            return request with { PrivateChannel = true };

        var channel = request.Channel.Id;
        try
        {
            var info = (await slack.ConversationsInfoAsync(team, channel, beforeAck)).Channel;
            return request with { PrivateChannel = info is { IsPrivate: true, IsIm: false, IsMpim: false } };
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.PrivacyUnknown(logger, channel, e is SlackApiException api ? api.Error : e.GetType().Name);
            return request with { PrivateChannel = true };
        }
    }
}
