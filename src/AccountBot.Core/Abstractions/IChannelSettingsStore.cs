using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;

namespace AccountBot.Core.Abstractions;

/// <summary>Per-channel settings (reminder schedule, thresholds, snoozes), scoped to a workspace.</summary>
public interface IChannelSettingsStore
{
    Task<ChannelSettings?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken);

    Task SaveAsync(ChannelSettings settings, CancellationToken cancellationToken);
}
