using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Csv;

/// <summary>Previews waiting for confirmation are bounded per workspace and in all, and one workspace cannot push out another's.</summary>
public sealed class PendingImportsTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Apply_AnotherWorkspacePreviewedHundredTimesSince_StillApplies()
    {
        await SeedAsync(CoreHarness.WorkspaceA);
        await SeedAsync(CoreHarness.WorkspaceB);
        var b = harness.Context with { Workspace = CoreHarness.WorkspaceB };
        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync(b));

        for (var i = 0; i < 100; i++)
            Assert.IsType<ImportPreviewView>(await PreviewAsync(harness.Context));

        Assert.IsType<MapView>(await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, b, CancellationToken.None));
    }

    [Fact]
    public async Task Apply_SameWorkspacePreviewedMoreThanItKeeps_OldestExpired()
    {
        await SeedAsync(CoreHarness.WorkspaceA);
        var first = Assert.IsType<ImportPreviewView>(await PreviewAsync(harness.Context));

        for (var i = 0; i < PendingImports.PerWorkspace; i++)
            Assert.IsType<ImportPreviewView>(await PreviewAsync(harness.Context));

        var notice = Assert.IsType<NoticeView>(await harness.Dispatcher.ApplyImportAsync(first.MapId, first.ImportId, harness.Context, CancellationToken.None));
        Assert.Contains("expired", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_CapacityReachedByOtherWorkspaces_RefusedWithoutDroppingAny()
    {
        var pending = new PendingImports(harness.Time);
        var ids = new List<(WorkspaceKey Workspace, string Id)>();
        for (var i = 0; i < PendingImports.Capacity; i++)
        {
            var workspace = WorkspaceKey.ForSlack(null, "T" + i.ToString(CultureInfo.InvariantCulture));
            ids.Add((workspace, (await pending.AddAsync(workspace, Guid.Empty, [], 0, CancellationToken.None))!));
        }

        Assert.Null(await pending.AddAsync(CoreHarness.WorkspaceA, Guid.Empty, [], 0, CancellationToken.None));
        foreach (var (workspace, id) in ids)
            Assert.NotNull(await pending.FindAsync(workspace, Guid.Empty, id, CancellationToken.None));

        harness.Time.Advance(PendingImports.Lifetime);
        Assert.NotNull(await pending.AddAsync(CoreHarness.WorkspaceA, Guid.Empty, [], 0, CancellationToken.None));
    }

    private async Task SeedAsync(WorkspaceKey workspace)
    {
        var map = MapBuilder.For(workspace).Named("Acme").Build();
        await harness.Store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "seeded", [])), CancellationToken.None);
    }

    private Task<Reply> PreviewAsync(RequestContext context) =>
        harness.Dispatcher.PreviewImportAsync("Acme", "Name\nAna\n", context, CancellationToken.None);
}
