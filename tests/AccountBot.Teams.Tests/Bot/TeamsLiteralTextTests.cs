using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Teams;
using static AccountBot.Teams.Tests.Rendering.HostileText;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>
/// Issue #12 §4 over HTTP: markdown typed into Teams (a map name, a person's fields, CSV cells) comes
/// back in the bot's cards as literal text, and plain-text replies say they are plain.
/// </summary>
public sealed class TeamsLiteralTextTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_CreateMapNamedWithMarkdown_CardShowsTheNameLiterally()
    {
        await _host.PostAsync(new ActivityBuilder().Message($"map \"{MapName}\" create").Build());

        var card = LastCard();
        Assert.Equal(MapName, Assert.Single(await _host.Maps.ListAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), CancellationToken.None)).Name);
        AssertShownLiterally(card, MapName);
    }

    [Fact]
    public async Task Submit_PersonWithMarkdownFields_MapCardShowsThemLiterally()
    {
        var (mapId, submissionId) = await OpenFormAsync();
        var submit = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["verb"] = CardVerbs.SubmitStakeholder,
            [CardVerbs.Keys.MapId] = mapId.ToString(),
            [CardVerbs.Keys.SubmissionId] = submissionId,
            [StakeholderFields.Name] = PersonName,
            [StakeholderFields.Title] = Title,
            [StakeholderFields.Notes] = Notes,
            [StakeholderFields.NextStep] = NextStep,
            [StakeholderFields.Roles] = "Champion",
            [CardVerbs.Inputs.OwnerText] = OwnerName,
        });

        await _host.PostAsync(new ActivityBuilder().Submit(submit, replyToId: "card-1").Build());

        Assert.Equal("PUT", _host.Connector.Requests.Last().Method);
        AssertShownLiterally(LastCard(), PersonName, Title, NextStep, OwnerName);
    }

    [Fact]
    public async Task Submit_CsvWithMarkdownCells_PreviewShowsTheCellsLiterally()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        var csv = "Name,Title,Notes\n"
            + $"\"{PersonName}\",\"{Title}\",\"{Notes}\"\n"
            + $"\"{MapName}\",\"{NextStep}\",x\n";
        var data = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["verb"] = CardVerbs.PreviewImport,
            [ImportFormView.AccountField] = "Acme",
            [ImportFormView.CsvField] = csv,
        });

        await _host.PostAsync(new ActivityBuilder().Submit(data, replyToId: "form-1").Build());

        var card = LastCard();
        Assert.Contains(CardVerbs.ApplyImport, card.ToJsonString(), StringComparison.Ordinal);
        AssertShownLiterally(card, PersonName, Title, MapName, NextStep);
    }

    [Fact]
    public async Task Submit_ButtonFromAnOlderVersion_SuggestsTheCommandInMonospaceNotBackticks()
    {
        await _host.PostAsync(new ActivityBuilder().Submit("""{"verb":"noLongerThere"}""").Build());

        var runs = LastCard()["body"]!.AsArray().SelectMany(e => e!["inlines"]?.AsArray() ?? []).ToList();
        Assert.Contains(runs, r => r!["text"]!.GetValue<string>() == "map help" && r["fontType"]?.GetValue<string>() == "Monospace");
        Assert.DoesNotContain(runs, r => r!["text"]!.GetValue<string>().Contains('`', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_NoTenant_PlainTextReplyIsMarkedPlain()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create")
            .With(a => a with { ChannelData = null, Conversation = a.Conversation! with { TenantId = null } }).Build());

        var reply = JsonNode.Parse(Assert.Single(_host.Connector.Requests).Body)!;
        Assert.Equal(TeamsBot.NoTenant, reply["text"]!.GetValue<string>());
        Assert.Equal(TextFormats.Plain, reply["textFormat"]?.GetValue<string>());
    }

    private JsonNode LastCard() => JsonNode.Parse(_host.Card(_host.Connector.Requests.Count - 1).GetRawText())!;

    private async Task<(Guid MapId, string SubmissionId)> OpenFormAsync()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
        await _host.PostAsync(new ActivityBuilder().Message("map Acme add").Build());
        var submit = _host.Card(_host.Connector.Requests.Count - 1).GetProperty("actions")[0].GetProperty("data");
        return (Guid.Parse(submit.GetProperty("mapId").GetString()!), submit.GetProperty("submissionId").GetString()!);
    }
}
