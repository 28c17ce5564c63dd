namespace AccountBot.Core.Abstractions;

/// <summary>
/// Where chat-app installations (bot tokens) live, by <see cref="WorkspaceInstallation.Key"/>. Saving replaces the
/// installation under the same key; deleting a missing one is not an error.
/// </summary>
public interface IWorkspaceInstallationStore
{
    Task<WorkspaceInstallation?> GetAsync(string key, CancellationToken cancellationToken);

    Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
