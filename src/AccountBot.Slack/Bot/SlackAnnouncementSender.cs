using AccountBot.Core.Features.Maps;
using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Views;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Posts a <see cref="SlackAnnouncement"/> (the follow-up kind <see cref="Kind"/>): the map as stored when it is sent,
/// in the channel; privately to whoever saved when the channel is shared with another organisation (checked at the
/// post itself). Kept in the follow-up outbox, so a crash after the modal closed does not lose it.
/// </summary>
public sealed class SlackAnnouncementSender(
    IAccountMapStore maps,
    MapViewFactory views,
    SlackApiClient slack,
    SlackMessageRenderer messages,
    SlackSharedChannels sharedChannels,
    ILogger<SlackAnnouncementSender> logger) : IFollowUpSender
{
    public const string Kind = "slack.announcement";

    /// <summary>The stored step announcing <paramref name="map"/>'s change in <paramref name="channel"/>.</summary>
    public static FollowUpStep Step(SlackTeamKey team, string channel, string user, WorkspaceKey workspace, MapView map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var announcement = new SlackAnnouncement(team.EnterpriseId, team.TeamId, channel, user, workspace.Value, map.MapId, map.Notice, map.UndoCommand,
            map.FollowButtons.Count > 0 ? map.FollowButtons : null);
        return new(Kind, JsonSerializer.Serialize(announcement, SlackJsonContext.Default.SlackAnnouncement));
    }

    public async Task SendAsync(string payload, CancellationToken cancellationToken)
    {
        var announcement = JsonSerializer.Deserialize(payload, SlackJsonContext.Default.SlackAnnouncement)
            ?? throw new JsonException("A stored Slack announcement is null.");
        var map = await maps.GetAsync(WorkspaceKey.Parse(announcement.Workspace), announcement.MapId, cancellationToken);
        if (map is null)
        {
            Log.AnnounceFailed(logger, announcement.Channel, "map_deleted");
            return;
        }

        var team = new SlackTeamKey(announcement.EnterpriseId, announcement.TeamId);
        var message = messages.Render(views.Build(map, announcement.Notice) with { Visibility = ReplyVisibility.Channel, UndoCommand = announcement.UndoCommand, FollowButtons = announcement.FollowButtons ?? [] });
        await SlackDelivery.RetryIfTransientAsync(async () =>
        {
            if (await sharedChannels.IsSharedOrUnknownAsync(slack, team, announcement.Channel, null, cancellationToken))
            {
                Log.SharedChannelWithheld(logger, announcement.Channel, "map change announcement");
                await slack.PostEphemeralAsync(team, announcement.Channel, announcement.User, SharedChannelNotice.Private(message, AccessNotices.SharedChannelPrivateReply), cancellationToken);
                return;
            }

            await slack.PostMessageAsync(team, announcement.Channel, message with { ResponseType = null }, cancellationToken);
        }, e => Log.AnnounceFailed(logger, announcement.Channel, e.Error));
    }
}
