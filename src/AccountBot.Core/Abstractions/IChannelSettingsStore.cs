using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;

namespace AccountBot.Core.Abstractions;

/// <summary>Per-channel settings (reminder schedule, thresholds, snoozes), scoped to a workspace.</summary>
public interface IChannelSettingsStore
{
    Task<ChannelSettings?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="settings"/> only if the stored version still equals <c>settings.Version</c> (0: nothing
    /// stored yet). Returns what is now stored (version + 1), or null when someone else saved in between: load again
    /// and re-apply the change (<see cref="Features.Channels.ChannelSettingsEditor"/> does).
    /// </summary>
    Task<ChannelSettings?> TrySaveAsync(ChannelSettings settings, CancellationToken cancellationToken);

    /// <summary>Every channel of the workspace that has stored settings (for the reminder planner).</summary>
    Task<IReadOnlyList<ChannelSettings>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken);

    /// <summary>
    /// Records a permanent delivery failure on the channel (shown by <c>map settings</c>), or clears it with null,
    /// changing nothing else (a read-modify-write that bumps the version, so a concurrent settings change re-applies
    /// on top of it); a channel without settings gets default settings carrying the failure.
    /// </summary>
    Task SetLastFailureAsync(WorkspaceKey workspace, string channelId, DeliveryFailure? failure, CancellationToken cancellationToken);
}
