using AccountBot.Core.Abstractions;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features;

/// <summary>A save says itself whether it saved, repeated or was invalid, so adapters never ask the store.</summary>
public sealed class SaveReplyTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<StakeholderFormView> AddFormAsync(string name)
    {
        await harness.SendAsync("map Acme create");
        return Assert.IsType<StakeholderFormView>(await harness.SendAsync("map Acme add " + name));
    }

    private Task<SaveReply> SubmitAsync(StakeholderFormView form, StakeholderFormValues values) =>
        harness.Dispatcher.SubmitStakeholderAsync(new StakeholderSubmission(form.MapId, null, form.SubmissionId, values), harness.Context, CancellationToken.None);

    [Fact]
    public async Task SubmitStakeholder_FirstTime_SavedWithTheMapToAnnounce()
    {
        var form = await AddFormAsync("Jane Doe");

        var saved = await SubmitAsync(form, form.Values);

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        var map = Assert.IsType<MapView>(saved.Announcement);
        Assert.Same(saved.Reply, map);
        Assert.Equal(ReplyVisibility.Channel, map.Visibility);
    }

    [Fact]
    public async Task SubmitStakeholder_SameSubmissionAgain_RepeatedWithNothingToAnnounce()
    {
        var form = await AddFormAsync("Jane Doe");
        await SubmitAsync(form, form.Values);

        var again = await SubmitAsync(form, form.Values);

        Assert.Equal(SaveOutcome.AlreadyApplied, again.Outcome);
        Assert.Null(again.Announcement);
        Assert.IsType<MapView>(again.Reply);
        var map = await harness.Store.GetAsync(harness.Context.Workspace, form.MapId, CancellationToken.None);
        Assert.Single(map!.Stakeholders);
    }

    [Fact]
    public async Task SubmitStakeholder_BadValues_InvalidWithTheFormAndNothingToAnnounce()
    {
        var form = await AddFormAsync("Jane Doe");

        var rejected = await SubmitAsync(form, form.Values with { Email = "nope" });

        Assert.Equal(SaveOutcome.Invalid, rejected.Outcome);
        Assert.Null(rejected.Announcement);
        Assert.NotEmpty(Assert.IsType<StakeholderFormView>(rejected.Reply).Errors);
    }

    [Fact]
    public async Task ApplyImport_Twice_SavedThenRepeated()
    {
        await harness.SendAsync("map Acme create");
        var preview = Assert.IsType<ImportPreviewView>(await harness.Dispatcher.PreviewImportAsync("Acme", "name,title\nJane Doe,CTO\n", harness.Context, CancellationToken.None));

        var first = await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, harness.Context, CancellationToken.None);
        var second = await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, harness.Context, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.IsType<MapView>(first.Announcement);
        Assert.Equal(SaveOutcome.AlreadyApplied, second.Outcome);
        Assert.Null(second.Announcement);
    }
}
