using AccountBot.Core.Abstractions;
using AccountBot.Storage.LiteDb.Documents;

namespace AccountBot.Storage.LiteDb;

/// <summary><see cref="IWorkspaceInstallationStore"/> on LiteDB: one document per installation key, upserted.</summary>
public sealed class LiteDbWorkspaceInstallationStore(LiteDbContext context) : IWorkspaceInstallationStore
{
    public Task<WorkspaceInstallation?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(context.WorkspaceInstallations.FindById(key)?.ToDomain());
    }

    public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        cancellationToken.ThrowIfCancellationRequested();
        context.WorkspaceInstallations.Upsert(WorkspaceInstallationDocument.From(installation));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        context.WorkspaceInstallations.Delete(key);
        return Task.CompletedTask;
    }
}
