using AccountBot.Core.Accounts;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>A quick add as Teams sends it: lines as HTML paragraphs or breaks, another person @mentioned with a mention entity.</summary>
public sealed class TeamsQuickAddTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<AccountMap> AcmeAsync() =>
        (await _host.Maps.FindByNameAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), "Acme", CancellationToken.None))!;

    [Fact]
    public async Task Message_MentionAndSeveralLines_OwnerIsTheMentionedUser_AndEachLineIsAPerson()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        var bob = new Entity { Type = Entity.MentionType, Mentioned = new ChannelAccount { Id = "29:1BobSmith", Name = "Bob Smith" }, Text = "<at>Bob Smith</at>" };

        await _host.PostAsync(new ActivityBuilder()
            .Message("<p>map Acme add Jane Doe, VP R&amp;D, champion, owner <at>Bob Smith</at></p><p>Carl Poe, CTO<br>Dan Moe, CIO</p>")
            .With(a => a with { Entities = [bob] }).Build());

        var map = await AcmeAsync();
        Assert.Equal(["Carl Poe", "Dan Moe", "Jane Doe"], map.Stakeholders.Select(s => s.Name).Order());
        var jane = map.Stakeholders.Single(s => s.Name == "Jane Doe");
        Assert.Equal(("VP R&D", new UserRef("29:1BobSmith", "Bob Smith")), (jane.Title, jane.RelationshipOwner));
    }

    [Fact]
    public async Task Message_MentionWhoseIdHoldsTheMentionSyntax_NotReadAsAMention()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        var forged = new Entity { Type = Entity.MentionType, Mentioned = new ChannelAccount { Id = "29:1x", AadObjectId = "a|b", Name = "x" }, Text = "<at>x</at>" };

        await _host.PostAsync(new ActivityBuilder()
            .Message("map Acme add Jane Doe, VP, owner <at>x</at>")
            .With(a => a with { Entities = [forged] }).Build());

        var map = await AcmeAsync();
        Assert.DoesNotContain(map.Stakeholders, s => s.RelationshipOwner is { Id: "a" or "a|b" });
    }

    private async Task<string> AddJaneAndReadUndoAsync()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        await _host.PostAsync(new ActivityBuilder().Message("map Acme add Jane Doe, VP").Build());
        var card = _host.Card(_host.Connector.Requests.Count - 1).GetRawText();
        return System.Text.Json.JsonDocument.Parse(card).RootElement.GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "ActionSet").GetProperty("actions")[0].GetProperty("data").GetRawText();
    }

    [Fact]
    public async Task Submit_UndoRefused_AnswersWithANewMessage_AndLeavesTheCard()
    {
        var data = await AddJaneAndReadUndoAsync();
        await _host.PostAsync(new ActivityBuilder().Message("map Acme tag Jane champion").Build());
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(new ActivityBuilder().Submit(data, replyToId: "map-card").Build());

        var reply = _host.Connector.Requests.Skip(before).Single();
        Assert.Equal("POST", reply.Method);
        Assert.Contains("Nothing was undone: Jane Doe changed after the quick add.", reply.Body, StringComparison.Ordinal);
        Assert.Single((await AcmeAsync()).Stakeholders);
    }

    [Fact]
    public async Task Submit_Undo_UpdatesTheCardInPlace_AndRemovesThePerson()
    {
        var data = await AddJaneAndReadUndoAsync();
        var before = _host.Connector.Requests.Count;

        await _host.PostAsync(new ActivityBuilder().Submit(data, replyToId: "map-card").Build());

        Assert.Empty((await AcmeAsync()).Stakeholders);
        var update = _host.Connector.Requests.Skip(before).Single();
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/map-card", update.RawTarget, StringComparison.Ordinal);
        Assert.Contains("undid the quick add of Jane Doe", update.Body, StringComparison.Ordinal);
    }
}
