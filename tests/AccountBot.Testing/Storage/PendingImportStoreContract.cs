using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>Previews waiting for confirmation are found by workspace, map and id until they expire, and bounded.</summary>
public abstract class PendingImportStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T01");
    private static readonly WorkspaceKey Other = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

    private static IReadOnlyList<CsvRow> Rows() =>
    [
        new(2, new Dictionary<CsvColumn, string> { [CsvColumn.Name] = "Jane Doe", [CsvColumn.Title] = "VP, \"Sales\"" }),
        new(3, new Dictionary<CsvColumn, string> { [CsvColumn.Name] = "Émile Plain" }),
    ];

    [Fact]
    public async Task AddAsync_ThenFind_RowsReadBackOnlyForThatWorkspaceAndMap()
    {
        var map = Guid.NewGuid();

        var id = await Imports.AddAsync(Workspace, map, Rows(), 4, CancellationToken.None);

        var found = await Imports.FindAsync(Workspace, map, id!, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal((map, 4, Time.GetUtcNow() + IPendingImportStore.Lifetime), (found.MapId, found.DidNotFit, found.Expires));
        Assert.Equal([2, 3], found.Rows.Select(r => r.Line));
        Assert.Equal("VP, \"Sales\"", found.Rows[0][CsvColumn.Title]);
        Assert.Equal("Émile Plain", found.Rows[1][CsvColumn.Name]);
        Assert.False(found.Rows[1].Has(CsvColumn.Title));
        Assert.Null(await Imports.FindAsync(Other, map, id!, CancellationToken.None));
        Assert.Null(await Imports.FindAsync(Workspace, Guid.NewGuid(), id!, CancellationToken.None));
        Assert.Null(await Imports.FindAsync(Workspace, map, "not-an-id", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_AfterItsLifetime_Null()
    {
        var map = Guid.NewGuid();
        var id = await Imports.AddAsync(Workspace, map, Rows(), 0, CancellationToken.None);

        Time.Advance(IPendingImportStore.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Imports.FindAsync(Workspace, map, id!, CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await Imports.FindAsync(Workspace, map, id!, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_MoreThanAWorkspaceKeeps_ItsOldestGoesOthersStay()
    {
        var map = Guid.NewGuid();
        var other = await Imports.AddAsync(Other, map, Rows(), 0, CancellationToken.None);
        var ids = new List<string>();
        for (var i = 0; i <= IPendingImportStore.PerWorkspace; i++)
        {
            ids.Add((await Imports.AddAsync(Workspace, map, Rows(), 0, CancellationToken.None))!);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null(await Imports.FindAsync(Workspace, map, ids[0], CancellationToken.None));
        foreach (var id in ids.Skip(1))
            Assert.NotNull(await Imports.FindAsync(Workspace, map, id, CancellationToken.None));
        Assert.NotNull(await Imports.FindAsync(Other, map, other!, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_CapacityReachedByOtherWorkspaces_RefusedWithoutDroppingAnyUntilTheyExpire()
    {
        var ids = new List<(WorkspaceKey Workspace, string Id)>();
        for (var i = 0; i < IPendingImportStore.Capacity; i++)
        {
            var workspace = WorkspaceKey.ForSlack(null, "T" + i.ToString(CultureInfo.InvariantCulture));
            ids.Add((workspace, (await Imports.AddAsync(workspace, Guid.Empty, [], 0, CancellationToken.None))!));
        }

        Assert.Null(await Imports.AddAsync(Workspace, Guid.Empty, [], 0, CancellationToken.None));
        foreach (var (workspace, id) in ids)
            Assert.NotNull(await Imports.FindAsync(workspace, Guid.Empty, id, CancellationToken.None));

        Time.Advance(IPendingImportStore.Lifetime);
        Assert.NotNull(await Imports.AddAsync(Workspace, Guid.Empty, [], 0, CancellationToken.None));
    }
}
