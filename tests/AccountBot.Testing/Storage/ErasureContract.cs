using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Privacy;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// Erasing a person (<see cref="IAccountMapStore.EraseAsync"/>, <see cref="IPendingImportStore.ForgetAsync"/>) and
/// pruning history by age: what every store must do, read back after a reopen.
/// </summary>
public abstract class ErasureContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ERASE");
    private static readonly UserRef Officer = new("U0DPO", "Dana Privacy");

    [Fact]
    public async Task EraseAsync_ThenReopen_MapAndHistoryHoldNoTraceOfHerAndOneErasedEntry()
    {
        var (map, zelda) = await SeedAsync();

        var result = await EraseAsync(map, zelda);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        await ReopenAsync();
        var stored = await Maps.GetAsync(Workspace, map.Id, CancellationToken.None);
        Assert.Equal(["John Roe"], stored!.Stakeholders.Select(s => s.Name));
        Assert.Equal("Ask [erased] first", stored.Stakeholders[0].Notes);
        var history = await Maps.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None);
        Assert.Equal((PrivacyTexts.ErasedSummary, Officer.Id, result.Map!.Version), (history[0].Summary, history[0].By.Id, history[0].Version));
        Assert.DoesNotContain(history, h => Names(h, "Zelda"));
        Assert.Contains(history, h => h.Summary == "added John Roe" && h.Fields.Any(f => f.Field == "John Roe: name"));
    }

    [Fact]
    public async Task EraseAsync_MapChangedSinceItWasRead_VersionConflictAndNothingErased()
    {
        var (map, zelda) = await SeedAsync();

        var result = await EraseAsync(map with { Version = map.Version - 1 }, zelda);

        Assert.Equal(SaveOutcome.VersionConflict, result.Outcome);
        Assert.Contains((await Maps.GetAsync(Workspace, map.Id, CancellationToken.None))!.Stakeholders, s => s.Id == zelda.Id);
        Assert.Contains(await Maps.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None), h => Names(h, "Zelda"));
    }

    [Fact]
    public async Task PruneHistoryAsync_RemovesEntriesOlderThanTheCutOffOnly()
    {
        var (map, _) = await SeedAsync();
        var before = await Maps.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None);
        var cutOff = before.Min(h => h.At) + TimeSpan.FromMinutes(90);

        var removed = await Maps.PruneHistoryAsync(cutOff, CancellationToken.None);

        Assert.Equal(2, removed);
        var after = await Maps.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None);
        Assert.Equal(before.Where(h => h.At >= cutOff).Select(h => h.Version), after.Select(h => h.Version));
    }

    [Fact]
    public async Task ForgetAsync_OnlyThatMapsPreviewsThatMatch()
    {
        var map = Guid.NewGuid();
        var otherMap = Guid.NewGuid();
        var naming = await Imports.AddAsync(Workspace, map, [Row("Zelda Quixwort")], 0, CancellationToken.None);
        var other = await Imports.AddAsync(Workspace, map, [Row("John Roe")], 0, CancellationToken.None);
        var elsewhere = await Imports.AddAsync(Workspace, otherMap, [Row("Zelda Quixwort")], 0, CancellationToken.None);

        var forgotten = await Imports.ForgetAsync(Workspace, map, p => p.Rows.Any(r => r[CsvColumn.Name] == "Zelda Quixwort"), CancellationToken.None);

        Assert.Equal(1, forgotten);
        Assert.Null(await Imports.FindAsync(Workspace, map, naming!, CancellationToken.None));
        Assert.NotNull(await Imports.FindAsync(Workspace, map, other!, CancellationToken.None));
        Assert.NotNull(await Imports.FindAsync(Workspace, otherMap, elsewhere!, CancellationToken.None));
    }

    private static CsvRow Row(string name) => new(2, new Dictionary<CsvColumn, string> { [CsvColumn.Name] = name });

    private static bool Names(HistoryEntry entry, string text) =>
        entry.Summary.Contains(text, StringComparison.Ordinal)
        || entry.Fields.Any(f => $"{f.Field}|{f.Old}|{f.New}".Contains(text, StringComparison.Ordinal));

    /// <summary>Zelda with her details, then edited; John who reports to her and names her in his notes; an hour apart.</summary>
    private async Task<(AccountMap Map, Stakeholder Zelda)> SeedAsync()
    {
        var map = await SaveNewAsync(Maps, MapBuilder.For(Workspace).Named("Acme").At(Time.GetUtcNow()).Build());
        var zelda = StakeholderBuilder.Named("Zelda Quixwort").WithEmail("zq@acme.example").WithNotes("Hates Tuesdays").Build();
        map = await SaveAsync(map.AddStakeholder(zelda, Next()));
        map = await SaveAsync(map.UpdateStakeholder(zelda with { Title = "VP" }, Next()));
        map = await SaveAsync(map.AddStakeholder(StakeholderBuilder.Named("John Roe").ReportingTo(zelda.Id).WithNotes("Ask Zelda Quixwort first").Build(), Next()));
        return (map, zelda);
    }

    private Stamp Next()
    {
        Time.Advance(TimeSpan.FromHours(1));
        return new Stamp(Time.GetUtcNow(), Officer);
    }

    private async Task<AccountMap> SaveAsync(MapWrite change)
    {
        var result = await Maps.SaveAsync(change, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Map!;
    }

    private async Task<SaveResult> EraseAsync(AccountMap map, Stakeholder person)
    {
        var history = await Maps.GetHistoryAsync(Workspace, map.Id, int.MaxValue, CancellationToken.None);
        var erasure = PersonErasure.For(person, history);
        var change = erasure.Apply(map, Next());
        var scrubbed = history.Select(h => (Entry: h, Scrubbed: erasure.Scrub(h))).ToList();
        return await Maps.EraseAsync(
            new ErasureWrite(
                change,
                [.. scrubbed.Where(s => s.Scrubbed is not null && !ReferenceEquals(s.Scrubbed, s.Entry)).Select(s => s.Scrubbed!)],
                [.. scrubbed.Where(s => s.Scrubbed is null).Select(s => s.Entry.Version)]),
            CancellationToken.None);
    }
}
