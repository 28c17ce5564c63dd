using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;

namespace AccountBot.Core.Abstractions;

/// <summary>Per-user nudge settings (<c>map notify</c>), keyed by workspace and user id; the last save wins.</summary>
public interface INotifySettingsStore
{
    Task<NotifySetting?> GetAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken);

    /// <summary>Stores the setting, replacing the user's earlier one in that workspace.</summary>
    Task SaveAsync(NotifySetting setting, CancellationToken cancellationToken);

    /// <summary>Every stored setting of the workspace (for the nudge planner).</summary>
    Task<IReadOnlyList<NotifySetting>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken);
}
