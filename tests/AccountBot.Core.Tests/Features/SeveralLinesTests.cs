using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features;

/// <summary>The add form's several lines: the quick add's way, except that a line not understood saves no line at all.</summary>
public sealed class SeveralLinesTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<Guid> CreateAsync()
    {
        await harness.SendAsync("map Acme create");
        return (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!.Id;
    }

    [Fact]
    public async Task Lines_AddedAsTheCommandAddsThem_WithUndo()
    {
        var mapId = await CreateAsync();

        var map = Assert.IsType<MapView>(await harness.Dispatcher.AddSeveralAsync(mapId, "Jane Doe, CFO, champion\nCarl Poe, CTO", harness.Context, CancellationToken.None));

        Assert.Equal("Ana Rep added Jane Doe, Carl Poe.", map.Notice);
        Assert.StartsWith("map Acme undo ", map.UndoCommand, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineNotUnderstood_NamedAndNothingSaved_WhereTheCommandSavesTheOthers()
    {
        var mapId = await CreateAsync();

        var notice = Assert.IsType<NoticeView>(await harness.Dispatcher.AddSeveralAsync(mapId, "Jane Doe, CFO\nDan Moe, CIO, wizard", harness.Context, CancellationToken.None));

        Assert.StartsWith("Nothing was saved. Line 2 (Dan Moe) not saved, not understood: \"wizard\"", notice.Text, StringComparison.Ordinal);
        Assert.Empty((await harness.Store.GetAsync(CoreHarness.WorkspaceA, mapId, CancellationToken.None))!.Stakeholders);
    }

    [Fact]
    public async Task AMapOfAnotherWorkspace_IsNotFound()
    {
        var mapId = await CreateAsync();
        var other = harness.Context with { Workspace = CoreHarness.WorkspaceB };

        var notice = Assert.IsType<NoticeView>(await harness.Dispatcher.AddSeveralAsync(mapId, "Jane Doe, CFO", other, CancellationToken.None));

        Assert.Equal("That map no longer exists.", notice.Text);
        Assert.Empty((await harness.Store.GetAsync(CoreHarness.WorkspaceA, mapId, CancellationToken.None))!.Stakeholders);
    }
}
