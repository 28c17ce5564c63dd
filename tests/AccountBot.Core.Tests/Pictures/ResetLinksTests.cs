using AccountBot.Core.Features.Help;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Pictures;

public sealed class ResetLinksTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task LinksReset_Map_NextEpochWithHistoryAndChannelConfirmation()
    {
        var created = Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp create"));

        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map acme corp links reset"));

        var map = await harness.Store.GetAsync(CoreHarness.WorkspaceA, created.MapId, CancellationToken.None);
        Assert.Equal(1, map!.LinkEpoch);
        Assert.Equal(Tone.Success, reply.Tone);
        Assert.Equal(ReplyVisibility.Channel, reply.Visibility);
        Assert.Contains("Ana Rep", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Acme Corp", reply.Text, StringComparison.Ordinal);

        // What the reset cannot do is said where it is done.
        Assert.Contains("Slack and Teams", reply.Text, StringComparison.Ordinal);
        var history = Assert.IsType<HistoryView>(await harness.SendAsync("map Acme Corp history"));
        var entry = history.Entries[0];
        Assert.Equal("reset the picture and export links", entry.Summary);
        Assert.Equal("Ana Rep", entry.By.Name);
    }

    [Fact]
    public async Task LinksReset_Twice_EachResetCounts()
    {
        var created = Assert.IsType<MapView>(await harness.SendAsync("map Acme Corp create"));

        await harness.SendAsync("map Acme Corp links reset");
        await harness.SendAsync("map Acme Corp links reset");

        Assert.Equal(2, (await harness.Store.GetAsync(CoreHarness.WorkspaceA, created.MapId, CancellationToken.None))!.LinkEpoch);
    }

    [Fact]
    public async Task LinksReset_MissingMap_NotFoundAndNothingCreated()
    {
        Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Globex links reset"));

        Assert.Empty(await harness.Store.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None));
    }

    [Fact]
    public void Help_ListsLinksReset() =>
        Assert.Contains(HelpHandler.Examples, e => e.Command == "map Acme links reset");
}
