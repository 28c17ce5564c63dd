using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features;

/// <summary><c>Limits:MapsPerWorkspace</c> and <c>Limits:PeoplePerMap</c>: over a limit, a message naming it and nothing stored.</summary>
public sealed class WorkspaceLimitsTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task CreateMap_WorkspaceAtMapsLimit_RefusedNamingTheLimitAndNothingStored()
    {
        harness.Limits.MapsPerWorkspace = 2;
        Assert.IsType<MapView>(await harness.SendAsync("map Acme create"));
        Assert.IsType<MapView>(await harness.SendAsync("map Globex create"));

        var notice = Assert.IsType<NoticeView>(await harness.SendAsync("map Initech create"));

        Assert.Equal(Tone.Error, notice.Tone);
        Assert.Contains("2 maps", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Limits:MapsPerWorkspace", notice.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await harness.Store.ListAsync(CoreHarness.WorkspaceA, CancellationToken.None)).Count);
        Assert.Null(await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Initech", CancellationToken.None));
    }

    [Fact]
    public async Task CreateMap_OtherWorkspaceAtMapsLimit_StillCreates()
    {
        harness.Limits.MapsPerWorkspace = 1;
        Assert.IsType<MapView>(await harness.SendAsync("map Acme create"));

        var other = harness.Context with { Workspace = CoreHarness.WorkspaceB };

        Assert.IsType<MapView>(await harness.SendAsync("map Acme create", other));
    }

    [Fact]
    public async Task CreateMap_ExistingNameAtMapsLimit_ShowsTheExistingMap()
    {
        harness.Limits.MapsPerWorkspace = 1;
        Assert.IsType<MapView>(await harness.SendAsync("map Acme create"));

        var map = Assert.IsType<MapView>(await harness.SendAsync("map acme create"));

        Assert.Contains("already has a map", map.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitForm_MapAtPeopleLimit_FormSaysTheLimitAndNothingStored()
    {
        harness.Limits.PeoplePerMap = 2;
        var map = await SeedAsync(2);
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme add Zoe"));

        var reply = await harness.Dispatcher.SubmitStakeholderAsync(
            new StakeholderSubmission(form.MapId, null, form.SubmissionId, form.Values), harness.Context, CancellationToken.None);

        var rejected = Assert.IsType<StakeholderFormView>(reply.Reply);
        Assert.Contains(rejected.Errors.Values, e => e.Contains("at most 2 people", StringComparison.Ordinal) && e.Contains("Limits:PeoplePerMap", StringComparison.Ordinal));
        Assert.Equal(map, await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ImportPreview_MoreNewPeopleThanFit_SaysHowManyFitAndApplyAddsThoseOnly()
    {
        harness.Limits.PeoplePerMap = 3;
        var map = await SeedAsync(1);

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync("Name\nAna\nBen\nCy\nDee\n"));

        Assert.Equal(["Ana", "Ben"], preview.ToAdd.Select(l => l.Name));
        Assert.Equal(["Cy", "Dee"], preview.Errors.Select(l => l.Name));
        Assert.All(preview.Errors, e => Assert.Contains("room for 2 of the 4 new people", e.Detail, StringComparison.Ordinal));
        Assert.All(preview.Errors, e => Assert.Contains("Limits:PeoplePerMap", e.Detail, StringComparison.Ordinal));

        Assert.IsType<MapView>(await ApplyAsync(preview));
        Assert.Equal(3, (await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None))!.Stakeholders.Count);
    }

    [Fact]
    public async Task ImportApply_MapFilledUpSinceThePreview_ChangesNothing()
    {
        harness.Limits.PeoplePerMap = 3;
        var map = await SeedAsync(0);
        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync("Name\nAna\nBen\nCy\n"));
        Assert.Equal(3, preview.ToAdd.Count);
        var form = Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme add Zoe"));
        Assert.IsType<MapView>((await harness.Dispatcher.SubmitStakeholderAsync(
            new StakeholderSubmission(form.MapId, null, form.SubmissionId, form.Values), harness.Context, CancellationToken.None)).Reply);
        var before = await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None);

        var notice = Assert.IsType<NoticeView>(await ApplyAsync(preview));

        Assert.Contains("Limits:PeoplePerMap", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", notice.Text, StringComparison.Ordinal);
        Assert.Equal(before, await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None));
    }

    private async Task<AccountMap> SeedAsync(int people)
    {
        var map = MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme").WithStakeholders(people).Build();
        var saved = await harness.Store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "seeded", [])), CancellationToken.None);
        return saved.Map!;
    }

    private Task<Reply> PreviewAsync(string csv) =>
        harness.Dispatcher.PreviewImportAsync("Acme", csv, harness.Context, CancellationToken.None);

    private async Task<Reply> ApplyAsync(ImportPreviewView preview) =>
        (await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, harness.Context, CancellationToken.None)).Reply;
}
