using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>Issue 16 §5 on Teams: a re-imported lead list with a job change, preview → confirm → follow, each as an activity.</summary>
public sealed class TeamsJobChangeTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotTestHost.StartAsync();
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        await SubmitCsvAsync("Name,Email,Roles\nJane Doe,jane@acme.example,champion\n", "seed");
        await ConfirmAsync("seed");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Import_ChampionAtAnotherCompany_PreviewSaysSo_ConfirmMarksLeft_FollowAddsToTheNewMap()
    {
        await SubmitCsvAsync("First Name,Last Name,Company,Email\nJane,Doe,Globex,JANE@acme.example\n", "jobs");

        var preview = _host.Card(_host.Connector.Requests.Count - 1).GetRawText();
        Assert.Contains("Left for another company", preview, StringComparison.Ordinal);
        Assert.Contains("now at Globex (same e-mail): marked as left", preview, StringComparison.Ordinal);
        Assert.Equal(StakeholderStatus.Active, (await MapAsync("Acme")).Stakeholders.Single().Status);

        await ConfirmAsync("jobs");

        var map = _host.Card(_host.Connector.Requests.Count - 1);
        Assert.Contains("(champion) left the company", map.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(StakeholderStatus.LeftCompany, (await MapAsync("Acme")).Stakeholders.Single().Status);
        var follow = Actions(map).Single(a => a.TryGetProperty("title", out var t) && t.GetString() == "Follow Jane Doe to Globex");

        await _host.PostAsync(new ActivityBuilder().Submit(follow.GetProperty("data").GetRawText(), replyToId: "jobs").Build());

        var globex = await MapAsync("Globex");
        var moved = Assert.Single(globex.Stakeholders);
        Assert.Equal("Jane Doe", moved.Name);
        Assert.True(moved.Has(Role.Champion));
    }

    private static IEnumerable<JsonElement> Actions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit")
                yield return element;
            foreach (var property in element.EnumerateObject())
                foreach (var found in Actions(property.Value))
                    yield return found;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var found in Actions(item))
                    yield return found;
        }
    }

    private async Task SubmitCsvAsync(string csv, string cardId)
    {
        var data = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["verb"] = CardVerbs.PreviewImport,
            [ImportFormView.AccountField] = "Acme",
            [ImportFormView.CsvField] = csv,
        });
        await _host.PostAsync(new ActivityBuilder().Submit(data, replyToId: cardId).Build());
    }

    private async Task ConfirmAsync(string cardId)
    {
        var preview = JsonDocument.Parse(_host.Card(_host.Connector.Requests.Count - 1).GetRawText());
        var confirm = preview.RootElement.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("data").GetProperty("verb").GetString() == CardVerbs.ApplyImport)
            .GetProperty("data").GetRawText();
        await _host.PostAsync(new ActivityBuilder().Submit(confirm, replyToId: cardId).Build());
    }

    private async Task<AccountMap> MapAsync(string name) =>
        (await _host.Maps.FindByNameAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), name, CancellationToken.None))!;
}
