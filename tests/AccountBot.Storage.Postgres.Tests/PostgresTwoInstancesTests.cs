using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>Two bot instances on one database: each has its own connection pool, as two processes would.</summary>
public sealed class PostgresTwoInstancesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");
    private static readonly DateTimeOffset Now = MapBuilder.DefaultTime;

    private readonly NpgsqlDataSource _first = database.OpenDataSource();
    private readonly NpgsqlDataSource _second = database.OpenDataSource();

    public Task InitializeAsync() => database.ResetAsync();

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task TryUpdateAsync_TwoInstancesClaimingEveryPendingDigestAtOnce_EachDigestClaimedOnce()
    {
        var outboxes = new[] { new PostgresDigestOutbox(_first), new PostgresDigestOutbox(_second) };
        var keys = Enumerable.Range(0, 40).Select(i => new DigestKey(Workspace, "C" + i, "2025-W10")).ToList();
        foreach (var key in keys)
        {
            Assert.True(await outboxes[0].TryAddAsync(new OutboxEntry { Key = key, State = OutboxState.Pending, CreatedAt = Now, UpdatedAt = Now, NextAttemptAt = Now }, CancellationToken.None));
        }

        // Each instance does what the reminder runner does: list what is pending, claim each (Sending + its attempt id).
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = outboxes.SelectMany(outbox => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var won = new List<(string Key, Guid Attempt)>();
            foreach (var entry in await outbox.ListByStateAsync(OutboxState.Pending, CancellationToken.None))
            {
                var attempt = Guid.NewGuid();
                var claimed = await outbox.TryUpdateAsync(entry with { State = OutboxState.Sending, AttemptId = attempt, Attempts = entry.Attempts + 1 }, CancellationToken.None);
                if (claimed is not null)
                {
                    won.Add((entry.Key.Value, attempt));
                }
            }

            return won;
        }))).ToList();
        start.SetResult();
        var won = (await Task.WhenAll(claims)).SelectMany(w => w).ToList();

        Assert.Equal(keys.Select(k => k.Value).Order(StringComparer.Ordinal), won.Select(w => w.Key).Order(StringComparer.Ordinal));
        foreach (var (key, attempt) in won)
        {
            var stored = await outboxes[1].GetAsync(DigestKey.Parse(key), CancellationToken.None);
            Assert.Equal((OutboxState.Sending, attempt, 1, 1), (stored!.State, stored.AttemptId!.Value, stored.Attempts, stored.Revision));
        }
    }

    [Fact]
    public async Task SaveAsync_WritersOnTwoInstancesRetryingOnConflict_LoseNothing()
    {
        var stores = new[] { Store(_first), Store(_second) };
        var created = MapBuilder.For(Workspace).Named("Contended").Build();
        var first = await stores[0].SaveAsync(new MapWrite(created, new HistoryEntry(created.Id, 1, Now, MapBuilder.DefaultUser, "created", [])), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var store = stores[i % 2];
            var person = StakeholderBuilder.Named($"Writer {i}").Build();
            var stamp = new Stamp(Now, MapBuilder.DefaultUser);
            while (true)
            {
                var map = await store.GetAsync(Workspace, created.Id, CancellationToken.None);
                var change = map!.AddStakeholder(person, stamp);
                var result = await store.SaveAsync(change with { IdempotencyKey = $"form-{i}" }, CancellationToken.None);
                if (result.Outcome is SaveOutcome.Saved or SaveOutcome.AlreadyApplied)
                {
                    return;
                }

                Assert.Equal(SaveOutcome.VersionConflict, result.Outcome);
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var final = await stores[0].GetAsync(Workspace, created.Id, CancellationToken.None);
        Assert.Equal(9, final!.Version);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"Writer {i}").Order(), final.Stakeholders.Select(s => s.Name).Order());
        Assert.Equal(Enumerable.Range(1, 9).Reverse(), (await stores[1].GetHistoryAsync(Workspace, created.Id, 100, CancellationToken.None)).Select(h => h.Version));
    }

    [Fact]
    public async Task SaveAsync_NewMapsOnTwoInstancesAgainstALimit_NeverMoreThanTheLimit()
    {
        var stores = new[] { Store(_first), Store(_second) };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var creates = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            await start.Task;
            var map = MapBuilder.For(Workspace).Named($"Account {i}").Build();
            var result = await stores[i % 2].SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, Now, MapBuilder.DefaultUser, "created", [])) { MapLimit = 5 }, CancellationToken.None);
            return result.Outcome;
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(creates);

        Assert.Equal(5, outcomes.Count(o => o == SaveOutcome.Saved));
        Assert.Equal(7, outcomes.Count(o => o == SaveOutcome.LimitReached));
        Assert.Equal(5, (await stores[1].ListAsync(Workspace, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task FindAsync_PreviewMadeOnOneInstance_ConfirmedOnTheOther()
    {
        var map = Guid.NewGuid();
        var id = await new PostgresPendingImportStore(_first, TimeProvider.System).AddAsync(Workspace, map, [new CsvRow(2, new Dictionary<CsvColumn, string> { [CsvColumn.Name] = "Jane" })], 0, CancellationToken.None);

        var found = await new PostgresPendingImportStore(_second, TimeProvider.System).FindAsync(Workspace, map, id!, CancellationToken.None);

        Assert.Equal("Jane", Assert.Single(found!.Rows)[CsvColumn.Name]);
    }

    private static PostgresAccountMapStore Store(NpgsqlDataSource dataSource) =>
        new(dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance);
}
