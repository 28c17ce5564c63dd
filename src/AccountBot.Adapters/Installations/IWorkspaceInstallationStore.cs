using AccountBot.Core.Abstractions;

namespace AccountBot.Adapters.Installations;

/// <summary>
/// Where chat-app installations (bot tokens) live, by <see cref="WorkspaceInstallation.Key"/>. Saving replaces the
/// installation under the same key; deleting a missing one is not an error.
/// </summary>
public interface IWorkspaceInstallationStore
{
    Task<WorkspaceInstallation?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every installation of one platform (keys starting <c>{platformPrefix}:</c>), in no particular order.</summary>
    Task<IReadOnlyList<WorkspaceInstallation>> ListAsync(string platformPrefix, CancellationToken cancellationToken);

    Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
