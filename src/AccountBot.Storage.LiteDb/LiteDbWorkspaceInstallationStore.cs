using AccountBot.Adapters.Installations;
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

    public Task<IReadOnlyList<WorkspaceInstallation>> ListAsync(string platformPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformPrefix);
        cancellationToken.ThrowIfCancellationRequested();

        // A handful of documents per workspace at most: an ordinal filter in memory needs no LIKE pattern to escape.
        var prefix = platformPrefix + ":";
        IReadOnlyList<WorkspaceInstallation> installations = [.. context.WorkspaceInstallations.FindAll()
            .Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => d.ToDomain())];
        return Task.FromResult(installations);
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
