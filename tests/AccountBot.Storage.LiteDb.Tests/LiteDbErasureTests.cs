using System.Text;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Privacy;
using AccountBot.Testing.Builders;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// What an erase leaves in the LiteDB file itself. The person is first checkpointed into the data file, so a clean
/// file afterwards shows that LiteDB overwrote her bytes there, not merely that they never left the log.
/// </summary>
public sealed class LiteDbErasureTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ERASE");
    private static readonly string[] Traces = ["Zelda", "Quixwort", "zq@acme.example", "Hates Tuesdays"];

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EraseAsync_HerDataCheckpointedIntoTheFile_NoByteOfHerIsLeftInAnyFile()
    {
        var context = _db.Open();
        var store = _db.MapStore(context);
        var (map, zelda) = await SeedAsync(store);
        context.Database.Checkpoint();
        Assert.NotEmpty(TracesInFiles());

        var result = await EraseAsync(store, map, zelda);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Empty(TracesInFiles());
        var history = await store.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None);
        Assert.Equal(PrivacyTexts.ErasedSummary, history[0].Summary);
        Assert.DoesNotContain(history, h => h.Summary.Contains("Zelda", StringComparison.Ordinal));
    }

    /// <summary>A map with Zelda (her details, an edit), and John who reports to her; an hour between changes.</summary>
    private async Task<(AccountMap Map, Stakeholder Zelda)> SeedAsync(LiteDbAccountMapStore store)
    {
        var map = await TempDatabase.SaveNewAsync(store, MapBuilder.For(Workspace).Named("Acme").Build());
        var zelda = StakeholderBuilder.Named("Zelda Quixwort").WithEmail("zq@acme.example").WithNotes("Hates Tuesdays").Build();
        map = await SaveAsync(store, map.AddStakeholder(zelda, Next()));
        map = await SaveAsync(store, map.UpdateStakeholder(zelda with { Title = "VP" }, Next()));
        map = await SaveAsync(store, map.AddStakeholder(StakeholderBuilder.Named("John Roe").ReportingTo(zelda.Id).WithNotes("Ask Zelda Quixwort first").Build(), Next()));
        return (map, zelda);
    }

    private Stamp Next()
    {
        _db.Time.Advance(TimeSpan.FromHours(1));
        return new Stamp(_db.Time.GetUtcNow(), MapBuilder.DefaultUser);
    }

    private static async Task<AccountMap> SaveAsync(LiteDbAccountMapStore store, MapWrite change)
    {
        var result = await store.SaveAsync(change, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Map!;
    }

    private async Task<SaveResult> EraseAsync(LiteDbAccountMapStore store, AccountMap map, Stakeholder person)
    {
        var history = await store.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None);
        var erasure = PersonErasure.For(person, history);
        var change = erasure.Apply(map, Next());
        var scrubbed = history.Select(h => (Entry: h, Scrubbed: erasure.Scrub(h))).ToList();
        return await store.EraseAsync(
            new ErasureWrite(
                change,
                [.. scrubbed.Where(s => s.Scrubbed is not null && !ReferenceEquals(s.Scrubbed, s.Entry)).Select(s => s.Scrubbed!)],
                [.. scrubbed.Where(s => s.Scrubbed is null).Select(s => s.Entry.Version)]),
            CancellationToken.None);
    }

    /// <summary>The database and its log, read while the store holds them open.</summary>
    private List<string> TracesInFiles() =>
        [.. Directory.GetFiles(_db.Folder).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).SelectMany(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var text = Encoding.UTF8.GetString(buffer.ToArray());
            return Traces.Where(t => text.Contains(t, StringComparison.Ordinal)).Select(t => $"{Path.GetFileName(f)}: {t}");
        })];
}
