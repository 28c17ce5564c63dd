using System.Net;
using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Teams;

/// <summary>
/// Issue 16 §5 on Teams through the real host with JWT-signed activities (the Teams project's <c>BotTestHost</c> runs with
/// the development bypass): a re-imported lead list with a job change, preview → confirm → follow, each as a card
/// submit; a name-only match is shown as possible and left alone.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsJobChangeFlowTests : IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams(ActivityBuilder.TenantId);

    private SignedTeamsRig _rig = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("teams-job-change", "job-change-key", "msteams");
        _host = _rig.Start();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Import_ChampionAtAnotherCompany_PreviewSaysSo_ConfirmMarksLeft_FollowAddsToTheNewMap_NameOnlyIsOnlyPossible()
    {
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Message("map Acme create").Build()));
        await SubmitCsvAsync("Name,Email,Roles\nJane Doe,jane@acme.example,champion\nOmar Haddad,omar@acme.example,decision maker\n", "seed");
        await ConfirmAsync("seed");
        Assert.All((await MapAsync("Acme")).Stakeholders, s => Assert.Equal(StakeholderStatus.Active, s.Status));

        // Jane: the same e-mail at Globex (sure). Omar: only the name matches, at Initech with another e-mail (possible).
        await SubmitCsvAsync("First Name,Last Name,Company,Email\nJane,Doe,Globex,JANE@acme.example\nOmar,Haddad,Initech,omar@initech.example\n", "jobs");

        var preview = LastCard().GetRawText();
        Assert.Contains("Left for another company", preview, StringComparison.Ordinal);
        Assert.Contains("now at Globex (same e-mail): marked as left", preview, StringComparison.Ordinal);
        Assert.Contains("Possibly left (the name matches, nothing else)", preview, StringComparison.Ordinal);
        Assert.Contains("possibly now at Initech", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("now at Initech (", preview, StringComparison.Ordinal);
        Assert.All((await MapAsync("Acme")).Stakeholders, s => Assert.Equal(StakeholderStatus.Active, s.Status));

        await ConfirmAsync("jobs");

        var card = LastCard();
        Assert.Contains("(champion) left the company", card.GetRawText(), StringComparison.Ordinal);
        var acme = await MapAsync("Acme");
        Assert.Equal(StakeholderStatus.LeftCompany, acme.Stakeholders.Single(s => s.Name == "Jane Doe").Status);
        Assert.Equal(StakeholderStatus.Active, acme.Stakeholders.Single(s => s.Name == "Omar Haddad").Status);
        var follows = Actions(card).Where(a => a.GetProperty("title").GetString()!.StartsWith("Follow ", StringComparison.Ordinal)).ToList();
        var follow = Assert.Single(follows);
        Assert.Equal("Follow Jane Doe to Globex", follow.GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(follow.GetProperty("data").GetRawText(), replyToId: "jobs-map").Build()));

        Assert.Contains("followed Jane Doe from Acme to Globex", _rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
        var globex = await MapAsync("Globex");
        var moved = Assert.Single(globex.Stakeholders);
        Assert.Equal("Jane Doe", moved.Name);
        Assert.True(moved.Has(Role.Champion));
        Assert.Equal(StakeholderStatus.LeftCompany, (await MapAsync("Acme")).Stakeholders.Single(s => s.Name == "Jane Doe").Status);
        Assert.Contains(await HistoryAsync(acme), h => h.Summary.Contains("marked 1 as left", StringComparison.Ordinal));
        Assert.Contains(await HistoryAsync(globex), h => h.Summary == "followed Jane Doe from Acme");
    }

    private ActivityBuilder Activity() => new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl);

    private JsonElement LastCard() =>
        JsonDocument.Parse(_rig.Connector.Requests[^1].Body).RootElement.GetProperty("attachments")[0].GetProperty("content").Clone();

    private async Task SubmitCsvAsync(string csv, string cardId)
    {
        var data = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["verb"] = CardVerbs.PreviewImport,
            [ImportFormView.AccountField] = "Acme",
            [ImportFormView.CsvField] = csv,
        });
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(data, replyToId: cardId).Build()));
    }

    private async Task ConfirmAsync(string cardId)
    {
        var confirm = LastCard().GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("data").GetProperty("verb").GetString() == CardVerbs.ApplyImport)
            .GetProperty("data").GetRawText();
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(confirm, replyToId: cardId).Build()));
    }

    private async Task<AccountMap> MapAsync(string name) => (await Store.FindByNameAsync(Workspace, name, CancellationToken.None))!;

    private Task<IReadOnlyList<HistoryEntry>> HistoryAsync(AccountMap map) => Store.GetHistoryAsync(Workspace, map.Id, 20, CancellationToken.None);

    private IAccountMapStore Store => _host.Services.GetRequiredService<IAccountMapStore>();

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
