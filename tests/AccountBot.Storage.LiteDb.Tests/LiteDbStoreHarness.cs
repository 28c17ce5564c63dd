using AccountBot.Core.Features.Csv;
using AccountBot.Testing.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The LiteDB stores for the contract suite: a fresh database file per test; reopening opens the file again.</summary>
public sealed class LiteDbStoreHarness : IStoreHarness
{
    private readonly TempDatabase _db = new();
    private LiteDbContext? _context;

    public FakeTimeProvider Time => _db.Time;

    public Task<StoreSet> OpenAsync()
    {
        var context = _context = _db.Open();
        return Task.FromResult(new StoreSet(
            _db.MapStore(context),
            TempDatabase.SettingsStore(context),
            new LiteDbConversationStore(context),
            new LiteDbBlockedConversationStore(context),
            new LiteDbDigestOutbox(context),
            new LiteDbWorkspaceInstallationStore(context),
            // With LiteDB (one instance) previews stay in memory.
            new PendingImports(Time),
            new LiteDbSeenEventStore(context, Time),
            new LiteDbFollowUpOutbox(context),
            new LiteDbWorkspaceDataStore(context, Time),
            new LiteDbNotifySettingsStore(context)));
    }

    public Task CloseAsync()
    {
        _context?.Dispose();
        _context = null;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _db.Dispose();
        return ValueTask.CompletedTask;
    }
}
