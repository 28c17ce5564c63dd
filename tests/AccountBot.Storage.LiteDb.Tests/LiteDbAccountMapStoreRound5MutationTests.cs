using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// The map store's rule that round 4 of mutation testing (issue #18) left unstated: a refused save ends its
/// transaction. LiteDB binds a transaction to the calling thread and reads inside it through the snapshot it took,
/// so a transaction left open by a refused save would make that thread's later reads miss what other threads commit.
/// The test therefore runs synchronously (every call completes at once) on one thread, and commits from another.
/// </summary>
public sealed class LiteDbAccountMapStoreRound5MutationTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack("E01", "T01");

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(SaveOutcome.VersionConflict)]
    [InlineData(SaveOutcome.NotFound)]
    [InlineData(SaveOutcome.NameTaken)]
    public void SaveAsync_RefusedOnAThread_ThatThreadThenSeesWhatAnotherThreadCommitted(SaveOutcome refusal)
    {
        using var context = _db.Open();
        var store = _db.MapStore(context);
        var acme = Completed(TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build()));
        var zenith = Completed(TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Zenith").Build()));

        var refused = refusal switch
        {
            SaveOutcome.VersionConflict => acme with { Version = acme.Version + 5 },
            SaveOutcome.NotFound => MapBuilder.For(Workspace).Named("Nowhere").Build() with { Version = 3 },
            _ => zenith with { Name = "Acme" },
        };
        Assert.Equal(refusal, Save(store, refused).Outcome);

        // Another thread renames Acme and commits.
        var other = new Thread(() => Assert.Equal(SaveOutcome.Saved, Save(store, acme with { Name = "Acme Renamed" }).Outcome));
        other.Start();
        other.Join();

        var listed = Completed(store.ListAsync(Workspace, CancellationToken.None));
        Assert.Equal(["Acme Renamed", "Zenith"], listed.Select(m => m.Name));
        Assert.Equal(2, Completed(store.GetHistoryAsync(Workspace, acme.Id, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public void SaveAsync_OwnCodeFailsAfterTheWrites_ALaterSaveOnThatThreadDoesNotCommitThem()
    {
        using (var context = _db.Open())
        {
            // The clock is read last, for the idempotency key, after the map and its history are written. LiteDB rolls
            // its transaction back itself when one of its own calls fails, but not when the store's code throws.
            var broken = new LiteDbAccountMapStore(context, new BrokenClock(), NullLogger<LiteDbAccountMapStore>.Instance);
            var acme = MapBuilder.For(Workspace).Named("Acme").Build();
            var write = new MapWrite(acme, new HistoryEntry(acme.Id, 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "created", [])) { IdempotencyKey = "form-1" };

            Assert.Throws<InvalidOperationException>(() => Completed(broken.SaveAsync(write, CancellationToken.None)));
            Completed(TempDatabase.SaveNewAsync(_db.MapStore(context), MapBuilder.For(Workspace).Named("Zenith").Build()));
        }

        using var reopened = _db.Open();
        var store = _db.MapStore(reopened);
        Assert.Equal(["Zenith"], Completed(store.ListAsync(Workspace, CancellationToken.None)).Select(m => m.Name));
        Assert.False(Completed(store.IsAppliedAsync(Workspace, "form-1", CancellationToken.None)));
    }

    private static SaveResult Save(LiteDbAccountMapStore store, AccountMap map)
    {
        var history = new HistoryEntry(map.Id, map.Version + 1, MapBuilder.DefaultTime, MapBuilder.DefaultUser, "changed", []);
        return Completed(store.SaveAsync(new MapWrite(map, history), CancellationToken.None));
    }

    // The store's work is synchronous: a completed task means the call ran on this thread, inside or outside a transaction of this thread's.
    private static T Completed<T>(Task<T> task)
    {
        Assert.True(task.IsCompleted);
        return task.GetAwaiter().GetResult();
    }

    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("the clock is broken");
    }
}
