using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Csv;

/// <summary>Issue 16 §5: a re-imported lead list showing a mapped person at another company.</summary>
public sealed class JobChangeTests : IDisposable
{
    private const string Header = "First Name,Last Name,Title,Company,LinkedIn URL,Email\n";
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("https://www.linkedin.com/in/janedoe", "https://www.linkedin.com/in/janedoe")]
    [InlineData("HTTP://WWW.LinkedIn.com/in/JaneDoe/", "https://linkedin.com/in/janedoe")]
    [InlineData("https://www.linkedin.com/in/janedoe?trk=public_profile#about", "https://linkedin.com/in/janedoe/")]
    [InlineData("www.linkedin.com/in/janedoe", "https://www.linkedin.com/in/janedoe")]
    public void ProfileUrlKey_SamePersonDifferentlyWritten_SameKey(string one, string other)
    {
        Assert.NotNull(ProfileUrlKey.Of(one));
        Assert.Equal(ProfileUrlKey.Of(one), ProfileUrlKey.Of(other));
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/janedoe", "https://www.linkedin.com/in/janedoe2")]
    [InlineData("https://www.linkedin.com/in/janedoe", "https://www.linkedin.com/sales/lead/janedoe")]
    [InlineData("https://www.linkedin.com/in/janedoe", "https://example.com/in/janedoe")]
    public void ProfileUrlKey_OtherPeopleOrSites_DifferentKeys(string one, string other) =>
        Assert.NotEqual(ProfileUrlKey.Of(one), ProfileUrlKey.Of(other));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ProfileUrlKey_Empty_Null(string? url) => Assert.Null(ProfileUrlKey.Of(url));

    [Fact]
    public async Task Preview_SameProfileAtAnotherCompany_LeavingWithoutTouchingTheRestOfTheRow()
    {
        var jane = await SeedJaneAsync();

        var preview = await PreviewAsync(Header + "Jane,Doe,CFO,Globex,HTTP://LinkedIn.com/in/JaneDoe/?trk=x,\n");

        var leaving = Assert.Single(preview.Leaving);
        Assert.Equal("Jane Doe", leaving.Name);
        Assert.Contains("Globex", leaving.Detail, StringComparison.Ordinal);
        Assert.Contains("same profile", leaving.Detail, StringComparison.Ordinal);
        Assert.Empty(preview.ToUpdate);
        Assert.Empty(preview.ToAdd);
        Assert.True(preview.CanApply);
        Assert.Equal(StakeholderStatus.Active, (await MapAsync()).FindById(jane.Id)!.Status);
    }

    [Fact]
    public async Task Preview_NoProfileButSameEmail_Leaving()
    {
        await SeedJaneAsync();

        var preview = await PreviewAsync(Header + "Jane,Doe,CFO,Globex,,JANE@acme.example\n");

        Assert.Contains("same e-mail", Assert.Single(preview.Leaving).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_NameOnlyAtAnotherCompany_PossibleAndNeverMarkedLeft()
    {
        var jane = await SeedJaneAsync();

        var preview = await PreviewAsync(Header + "Jane,Doe,CFO,Globex,https://www.linkedin.com/in/someone-else,jane@globex.example\nOmar,Haddad,CTO,Acme Corp,,\n");

        var possible = Assert.Single(preview.Possible);
        Assert.Equal("Jane Doe", possible.Name);
        Assert.Contains("Globex", possible.Detail, StringComparison.Ordinal);
        Assert.Empty(preview.Leaving);
        Assert.Empty(preview.ToUpdate);
        Assert.IsType<MapView>(await ApplyAsync(preview));
        var stored = (await MapAsync()).FindById(jane.Id)!;
        Assert.Equal(StakeholderStatus.Active, stored.Status);
        Assert.Equal("VP Finance", stored.Title);
    }

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("ACME corp")]
    [InlineData("Acme")]
    [InlineData("Acme Corp Inc")]
    [InlineData("")]
    public async Task Preview_SameCompanyOrNone_NoJobChange(string company)
    {
        await SeedJaneAsync();

        var preview = await PreviewAsync(Header + $"Jane,Doe,CFO,{company},https://www.linkedin.com/in/janedoe,\n");

        Assert.Empty(preview.Leaving);
        Assert.Empty(preview.Possible);
        Assert.Contains("title", Assert.Single(preview.ToUpdate).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ChampionLeaves_MarkedLeftGapFiresHistoryAndFollowOffered()
    {
        var jane = await SeedJaneAsync();
        var preview = await PreviewAsync(Header + "Jane,Doe,CFO,Globex,https://www.linkedin.com/in/janedoe,\n");

        var map = Assert.IsType<MapView>(await ApplyAsync(preview));

        var stored = (await MapAsync()).FindById(jane.Id)!;
        Assert.Equal(StakeholderStatus.LeftCompany, stored.Status);
        Assert.Equal("VP Finance", stored.Title);
        Assert.Contains(map.Gaps, g => g.Kind == CoverageGapKind.ChampionLeft && g.StakeholderId == jane.Id);
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, preview.MapId, 10, CancellationToken.None);
        var entry = Assert.Single(history, h => h.Summary.Contains("imported", StringComparison.Ordinal));
        Assert.Contains("marked 1 as left", entry.Summary, StringComparison.Ordinal);
        Assert.Contains(entry.Fields, f => f is { Field: "Jane Doe: status", Old: "active", New: "left the company" });
        var follow = Assert.Single(map.FollowButtons);
        Assert.Equal("Follow Jane Doe to Globex", follow.Label);
        Assert.Equal(new FollowPerson("Globex", JobChangeText.FollowCode(preview.MapId, jane.Id)), CommandParser.Parse(follow.Command));
    }

    [Fact]
    public async Task Follow_NewCompanyWithoutMap_CreatesItAndAddsThemWithTheRelationship()
    {
        var jane = await SeedJaneAsync();
        var follow = await ApplyJobChangeAsync();

        var reply = Assert.IsType<MapView>(await harness.SendAsync(follow.Command));

        Assert.Equal("Globex", reply.Name);
        var globex = (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Globex", CancellationToken.None))!;
        var moved = Assert.Single(globex.Stakeholders);
        Assert.Equal("Jane Doe", moved.Name);
        Assert.NotEqual(jane.Id, moved.Id);
        Assert.True(moved.Has(Role.Champion));
        Assert.Equal(StakeholderStatus.Active, moved.Status);
        Assert.Null(moved.Email);
        Assert.Equal(jane.RelationshipOwner, moved.RelationshipOwner);
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, globex.Id, 10, CancellationToken.None);
        Assert.Contains(history, h => h.Summary == "followed Jane Doe from Acme Corp");
        Assert.Equal(StakeholderStatus.LeftCompany, (await MapAsync()).Stakeholders.Single(s => s.Id == jane.Id).Status);
    }

    [Fact]
    public async Task Follow_MapExists_AddsThereOnceEvenWhenPressedTwice()
    {
        await SeedJaneAsync();
        await harness.SendAsync("map Globex create");
        var follow = await ApplyJobChangeAsync();

        await harness.SendAsync(follow.Command);
        var again = await harness.SendAsync(follow.Command);

        Assert.IsType<MapView>(again);
        var globex = (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Globex", CancellationToken.None))!;
        Assert.Single(globex.Stakeholders);
    }

    [Fact]
    public async Task Follow_UnknownCode_Warns()
    {
        var reply = await harness.SendAsync("map Globex follow " + JobChangeText.FollowCode(Guid.NewGuid(), Guid.NewGuid()));

        Assert.Equal(Tone.Warning, Assert.IsType<NoticeView>(reply).Tone);
        Assert.Null(await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Globex", CancellationToken.None));
    }

    private async Task<CommandButton> ApplyJobChangeAsync()
    {
        var preview = await PreviewAsync(Header + "Jane,Doe,CFO,Globex,https://www.linkedin.com/in/janedoe,\n");
        return Assert.Single(Assert.IsType<MapView>(await ApplyAsync(preview)).FollowButtons);
    }

    private async Task<Stakeholder> SeedJaneAsync()
    {
        var jane = StakeholderBuilder.Named("Jane Doe").Titled("VP Finance").WithEmail("jane@acme.example")
            .WithProfile("https://www.linkedin.com/in/janedoe").WithRoles(Role.Champion | Role.DecisionMaker)
            .OwnedBy(new UserRef("U9", "Rita Rep")).Build();
        var map = MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").WithStakeholder(jane).Build();
        await harness.Store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "seeded", [])), CancellationToken.None);
        return jane;
    }

    private async Task<AccountMap> MapAsync() =>
        (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme Corp", CancellationToken.None))!;

    private async Task<ImportPreviewView> PreviewAsync(string csv) =>
        Assert.IsType<ImportPreviewView>(await harness.Dispatcher.PreviewImportAsync("Acme Corp", csv, harness.Context, CancellationToken.None));

    private async Task<Reply> ApplyAsync(ImportPreviewView preview) =>
        (await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, harness.Context, CancellationToken.None)).Reply;
}
