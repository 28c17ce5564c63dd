using System.Net;
using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Host.Tests.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Home;

/// <summary>"Your accounts" in Teams: JWT-signed activities to the real host, cards seen by a fake Bot Connector.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsHomeTests : IAsyncLifetime
{
    private static readonly UserRef Ada = new("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Ada Lovelace");

    private SignedTeamsRig _rig = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("teams-home", "home-key", "msteams");
        _host = _rig.Start();
        await HomeSeed.SeedAsync(_host.Services.GetRequiredService<IAccountMapStore>(), WorkspaceKey.ForTeams(ActivityBuilder.TenantId), Ada);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task MapMine_AnswersTheHomeCard_ItsDoneButtonMarksTheStep()
    {
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Message("map mine").Build()));

        var card = LastCard();
        var text = card.GetRawText();
        Assert.Contains(HomeText.Title, text, StringComparison.Ordinal);
        Assert.Contains("Jane Doe (Acme)", text, StringComparison.Ordinal);
        Assert.Contains("send pricing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Ada's", text, StringComparison.Ordinal);

        var done = Actions(card).First(a => a.GetProperty("title").GetString() == HomeText.DoneLabel).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(done.GetRawText()).Build()));

        Assert.Contains("is marked done", _rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
        var map = await _host.Services.GetRequiredService<IAccountMapStore>().FindByNameAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), "Acme", CancellationToken.None);
        Assert.Null(map!.Stakeholders.Single(s => s.Name == "Jane Doe").NextStep);
    }

    [Fact]
    public async Task PersonalWelcome_SendsHelpThenTheHome()
    {
        var added = Activity().OfType(ActivityTypes.ConversationUpdate)
            .With(a => a with { Text = null, MembersAdded = [new ChannelAccount { Id = ActivityBuilder.BotId, Name = ActivityBuilder.BotName }] })
            .Build();

        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, added));

        var bodies = _rig.Connector.Requests.Select(r => r.Body).ToList();
        Assert.Contains(bodies, b => b.Contains(HomeText.Title, StringComparison.Ordinal) && b.Contains("Jane Doe (Acme)", StringComparison.Ordinal));
        // Help names `map mine` ("Your accounts: …"), so it is told apart by its card's fallback text.
        Assert.Contains(bodies, b => b.Contains("AccountBot help", StringComparison.Ordinal) && !b.Contains("Jane Doe (Acme)", StringComparison.Ordinal));
    }

    private ActivityBuilder Activity() => new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl);

    private JsonElement LastCard() =>
        JsonDocument.Parse(_rig.Connector.Requests[^1].Body).RootElement.GetProperty("attachments")[0].GetProperty("content").Clone();

    private static IEnumerable<JsonElement> Actions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit")
                yield return element;
            foreach (var property in element.EnumerateObject())
                foreach (var action in Actions(property.Value))
                    yield return action;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var action in Actions(item))
                    yield return action;
        }
    }
}

/// <summary>One user's accounts: Acme (theirs) with Jane Doe's overdue step, Globex (someone else's) with a step that is not theirs.</summary>
internal static class HomeSeed
{
    public static async Task SeedAsync(IAccountMapStore store, WorkspaceKey workspace, UserRef user)
    {
        var stamp = new Stamp(DateTimeOffset.UtcNow, user);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var acme = AccountMap.Create(workspace, "Acme", MapKind.Sales, stamp);
        await store.SaveAsync(acme with { Map = acme.Map with
        {
            Owner = user,
            Stakeholders = [new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", RelationshipOwner = user, NextStep = "send pricing", NextStepDue = today.AddDays(-2) }],
        } }, CancellationToken.None);
        var other = new UserRef("U-other", "Bo Colleague");
        var globex = AccountMap.Create(workspace, "Globex", MapKind.Sales, stamp with { By = other });
        await store.SaveAsync(globex with { Map = globex.Map with
        {
            Owner = other,
            Stakeholders = [new Stakeholder { Id = Guid.NewGuid(), Name = "Not Ada's", RelationshipOwner = other, NextStep = "lunch" }],
        } }, CancellationToken.None);
    }
}
