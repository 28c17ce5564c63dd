using AccountBot.Core.Accounts;
using AccountBot.Core.Features.QuickAdd;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Features;

public sealed class QuickAddTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<AccountMap> MapAsync() => (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!;

    private async Task<Stakeholder> PersonAsync(string name) => (await MapAsync()).Stakeholders.Single(s => s.Name == name);

    private async Task<MapView> CreateWithJaneAsync()
    {
        await harness.SendAsync("map Acme create");
        return Assert.IsType<MapView>(await harness.SendAsync("map Acme add Jane Doe, VP Finance, champion signer, power 5 interest 4"));
    }

    [Fact]
    public async Task QuickAdd_NewPerson_SavesEveryPart_AndOffersUndo()
    {
        var map = await CreateWithJaneAsync();

        var jane = await PersonAsync("Jane Doe");
        Assert.Equal(("VP Finance", Role.Champion | Role.Signer, 5, 4), (jane.Title, jane.Roles, jane.Power, jane.Interest));
        Assert.Equal("Ana Rep added Jane Doe.", map.Notice);
        Assert.Equal(ReplyVisibility.Channel, map.Visibility);
        Assert.StartsWith("map Acme undo ", map.UndoCommand, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickAdd_OwnerMeAndNextStep_UseTheSenderAndTheDay()
    {
        await harness.SendAsync("map Acme create");

        await harness.SendAsync("map Acme add Jane Doe, VP, owner me, next demo by friday");

        var jane = await PersonAsync("Jane Doe");
        Assert.Equal(harness.Context.User, jane.RelationshipOwner);
        Assert.Equal(("demo", new DateOnly(2026, 3, 6)), (jane.NextStep, jane.NextStepDue!.Value));
    }

    [Fact]
    public async Task QuickAdd_ExistingName_UpdatesOnlyWhatTheLineNames()
    {
        await CreateWithJaneAsync();

        var reply = Assert.IsType<MapView>(await harness.SendAsync("map Acme add jane doe, blocker, interest 2"));

        var jane = await PersonAsync("Jane Doe");
        Assert.Equal(("VP Finance", Role.Champion | Role.Signer | Role.Blocker, 5, 2), (jane.Title, jane.Roles, jane.Power, jane.Interest));
        Assert.Equal("Ana Rep updated Jane Doe.", reply.Notice);
        Assert.Single((await MapAsync()).Stakeholders);
    }

    [Fact]
    public async Task QuickAdd_UnknownWord_IsNamed_AndNothingIsSaved()
    {
        await harness.SendAsync("map Acme create");

        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme add Jane Doe, VP, champion wizard, power 5"));

        Assert.Contains("Nothing was saved.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\"wizard\"", reply.Text, StringComparison.Ordinal);
        Assert.Empty((await MapAsync()).Stakeholders);
    }

    [Fact]
    public async Task QuickAdd_SeveralLines_SavesTheGoodLines_NamesTheRest()
    {
        await CreateWithJaneAsync();

        var reply = Assert.IsType<MapView>(await harness.SendAsync(
            "map Acme add\nBob Roe, CFO, signer\nCarl Poe, CTO, decision maker, power 5\nJane Doe, influencer\nDan Moe, CIO, wizard\nBob Roe, COO"));

        var people = (await MapAsync()).Stakeholders.Select(s => s.Name).Order().ToList();
        Assert.Equal(["Bob Roe", "Carl Poe", "Jane Doe"], people);
        Assert.Contains("added Bob Roe, Carl Poe; updated Jane Doe.", reply.Notice, StringComparison.Ordinal);
        Assert.Contains("Line 4 (Dan Moe) not saved, not understood: \"wizard\"", reply.Notice, StringComparison.Ordinal);
        Assert.Contains("Line 5 (Bob Roe) not saved: the name is already on line 1.", reply.Notice, StringComparison.Ordinal);
        Assert.Equal(Role.Champion | Role.Signer | Role.Influencer, (await PersonAsync("Jane Doe")).Roles);
    }

    [Fact]
    public async Task QuickAdd_LineTheMapRefuses_IsNamed_OthersSaved()
    {
        harness.Limits.PeoplePerMap = 2;
        await CreateWithJaneAsync();

        var reply = Assert.IsType<MapView>(await harness.SendAsync("map Acme add\nBob Roe, CFO\nCarl Poe, CTO"));

        Assert.Contains("Line 2 (Carl Poe) not saved: A map holds at most 2 people", reply.Notice, StringComparison.Ordinal);
        Assert.Equal(2, (await MapAsync()).Stakeholders.Count);
    }

    [Fact]
    public async Task QuickAdd_NothingNew_SavesNothing()
    {
        await CreateWithJaneAsync();
        var version = (await MapAsync()).Version;

        var reply = Assert.IsType<NoticeView>(await harness.SendAsync("map Acme add Jane Doe, VP Finance, champion"));

        Assert.Contains("Nothing new for Jane Doe.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(version, (await MapAsync()).Version);
    }

    [Fact]
    public async Task Undo_OfANewPerson_RemovesThem_AndIsInTheHistory()
    {
        var added = await CreateWithJaneAsync();

        var undone = Assert.IsType<MapView>(await harness.SendAsync(added.UndoCommand!));

        Assert.Empty((await MapAsync()).Stakeholders);
        Assert.Equal("Ana Rep undid the quick add of Jane Doe.", undone.Notice);
        Assert.Null(undone.UndoCommand);
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, added.MapId, 10, CancellationToken.None);
        Assert.Contains(history, h => h.Summary == "undid the quick add of Jane Doe");
    }

    [Fact]
    public async Task Undo_OfAnUpdate_PutsBackOnlyTheChangedFields()
    {
        await CreateWithJaneAsync();
        var update = Assert.IsType<MapView>(await harness.SendAsync("map Acme add Jane Doe, CFO, blocker, owner me, next call by tomorrow"));

        await harness.SendAsync(update.UndoCommand!);

        var jane = await PersonAsync("Jane Doe");
        Assert.Equal(("VP Finance", Role.Champion | Role.Signer, 5, 4), (jane.Title, jane.Roles, jane.Power, jane.Interest));
        Assert.Null(jane.RelationshipOwner);
        Assert.Null(jane.NextStep);
        Assert.Null(jane.NextStepDue);
    }

    [Fact]
    public async Task Undo_PressedTwice_UndoesOnce_AndSaysSo()
    {
        var added = await CreateWithJaneAsync();
        await harness.SendAsync(added.UndoCommand!);
        await harness.SendAsync("map Acme add Jane Doe, CTO");
        var version = (await MapAsync()).Version;

        var again = Assert.IsType<MapView>(await harness.SendAsync(added.UndoCommand!));

        Assert.Equal("That quick add was already undone.", again.Notice);
        Assert.Equal(version, (await MapAsync()).Version);
        Assert.Equal("CTO", (await PersonAsync("Jane Doe")).Title);
    }

    [Fact]
    public async Task Undo_AfterSomeoneChangedThePerson_IsRefused_AndChangesNobody()
    {
        await harness.SendAsync("map Acme create");
        var added = Assert.IsType<MapView>(await harness.SendAsync("map Acme add\nJane Doe, VP\nBob Roe, CFO"));
        await harness.SendAsync("map Acme tag Bob Roe champion");

        var refused = Assert.IsType<NoticeView>(await harness.SendAsync(added.UndoCommand!));

        Assert.Equal("Nothing was undone: Bob Roe changed after the quick add. Edit them instead.", refused.Text);
        Assert.Equal(2, (await MapAsync()).Stakeholders.Count);
    }

    [Fact]
    public async Task Undo_AfterThePersonWasRemoved_IsRefused()
    {
        var added = await CreateWithJaneAsync();
        await harness.SendAsync("map Acme confirm-remove Jane Doe");

        var refused = Assert.IsType<NoticeView>(await harness.SendAsync(added.UndoCommand!));

        Assert.Equal("Nothing was undone: Jane Doe is no longer on the map.", refused.Text);
    }

    [Fact]
    public async Task Undo_WithACodeOfAnotherMap_IsRefused()
    {
        var added = await CreateWithJaneAsync();
        await harness.SendAsync("map Globex create");

        var refused = Assert.IsType<NoticeView>(await harness.SendAsync(added.UndoCommand!.Replace("map Acme", "map Globex", StringComparison.Ordinal)));

        Assert.Contains("does not belong to this map", refused.Text, StringComparison.Ordinal);
        Assert.Single((await MapAsync()).Stakeholders);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("AQID")]
    public void UndoCode_NotOneWeMade_DecodesToNull(string code) => Assert.Null(UndoCode.TryDecode(code));

    [Fact]
    public void UndoCode_RoundTrips()
    {
        var before = new Stakeholder { Id = Guid.NewGuid(), Name = "", Title = "VP", NextStepDue = new DateOnly(2026, 1, 2), RelationshipOwner = new UserRef("U1", "Ana") };
        var code = new UndoCode(Guid.NewGuid(), [new UndoStep(before.Id, "Jane", 42, before, QuickFields.Title | QuickFields.Owner | QuickFields.NextStepDue), new UndoStep(Guid.NewGuid(), "Bob", 7, null, QuickFields.None)]);

        var read = UndoCode.TryDecode(code.Encode())!;

        Assert.Equal(code.MapId, read.MapId);
        Assert.Equal(code.Steps, read.Steps);
    }
}
