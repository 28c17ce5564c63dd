using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// The outbox's guards that no other test pinned down: its indexes exist and a cancelled call changes nothing
/// (a null entry and the key order of one creation instant are in StoreMutationContract since round 5).
/// </summary>
public sealed class LiteDbDigestOutboxMutationTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T02");
    private static readonly DateTimeOffset Now = MapBuilder.DefaultTime;

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static OutboxEntry Settled(string channelId, string week = "2025-W10") => new()
    {
        Key = new DigestKey(Workspace, channelId, week),
        State = OutboxState.Settled,
        CreatedAt = Now,
        UpdatedAt = Now,
        NextAttemptAt = Now,
    };

    private static CancellationToken Cancelled => new(canceled: true);

    [Fact]
    public void Open_NewFile_OutboxListingsHaveTheirIndexes()
    {
        using var context = _db.Open();

        var indexes = context.Database.GetCollection("$indexes").FindAll()
            .Where(d => d["collection"].AsString == "digest_outbox")
            .Select(d => d["name"].AsString)
            .ToList();

        Assert.Contains("Workspace", indexes);
        Assert.Contains("State", indexes);
        Assert.Contains("UpdatedAt", indexes);
    }

    [Fact]
    public void Constructor_NullContext_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => new LiteDbDigestOutbox(null!));
    }

    [Fact]
    public async Task Writes_CancelledBeforehand_ThrowAndChangeNothing()
    {
        using var context = _db.Open();
        var outbox = new LiteDbDigestOutbox(context);
        var entry = Settled("C1");
        Assert.True(await outbox.TryAddAsync(entry, CancellationToken.None));
        // An old week that a prune would remove: its channel has a later week.
        var old = Settled("C0", "2024-W01") with { UpdatedAt = Now.AddDays(-400) };
        Assert.True(await outbox.TryAddAsync(old, CancellationToken.None));
        Assert.True(await outbox.TryAddAsync(Settled("C0", "2024-W02") with { UpdatedAt = Now.AddDays(-400) }, CancellationToken.None));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.TryAddAsync(Settled("C2"), Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.TryUpdateAsync(entry with { State = OutboxState.Failed }, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.PruneAsync(Now, Cancelled));

        Assert.Null(await outbox.GetAsync(new DigestKey(Workspace, "C2", "2025-W10"), CancellationToken.None));
        Assert.Equal(OutboxState.Settled, (await outbox.GetAsync(entry.Key, CancellationToken.None))!.State);
        Assert.NotNull(await outbox.GetAsync(old.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Reads_CancelledBeforehand_Throw()
    {
        using var context = _db.Open();
        var outbox = new LiteDbDigestOutbox(context);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.GetAsync(new DigestKey(Workspace, "C1", "2025-W10"), Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.ListKeysAsync(Workspace, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.ListByStateAsync(OutboxState.Settled, Cancelled));
    }
}
