using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>The CSV cards end to end: typed export/import, then the form → preview → confirm round trip, each answer replacing its card.</summary>
public sealed class TeamsImportTests : IAsyncLifetime
{
    private const string Csv = "Name,Title\nJane Doe,CFO\nOmar Haddad,VP Engineering\n";

    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotTestHost.StartAsync();
        await _host.PostAsync(new ActivityBuilder().Message("map Acme create").Build());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Message_ImportCommand_RepliesWithPrefilledForm()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme import").Build());

        var card = _host.Card(_host.Connector.Requests.Count - 1).GetRawText();
        Assert.Contains($"\"id\":\"{ImportFormView.CsvField}\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Acme\"", card, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.PreviewImport, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_ExportCommand_RepliesWithExportCard()
    {
        await _host.PostAsync(new ActivityBuilder().Message("map Acme export").Build());

        var card = _host.Card(_host.Connector.Requests.Count - 1).GetRawText();
        Assert.Contains("Acme: 0 people exported", card, StringComparison.Ordinal);
        Assert.Contains("PublicBaseUrl", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Csv_ReplacesFormWithPreviewAndChangesNothing()
    {
        await SubmitFormAsync("Acme", Csv, "form-1");

        var update = _host.Connector.Requests.Last();
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/form-1", update.RawTarget, StringComparison.Ordinal);
        var card = _host.Card(_host.Connector.Requests.Count - 1).GetRawText();
        Assert.Contains("2 people to add", card, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.ApplyImport, card, StringComparison.Ordinal);
        Assert.Empty((await MapAsync()).Stakeholders);
    }

    [Fact]
    public async Task Submit_BadCsv_FormComesBackWithErrorUnderCsvAndTextKept()
    {
        await SubmitFormAsync("Acme", "Nom;Titre\nJane;CFO\n", "form-2");

        Assert.Equal("PUT", _host.Connector.Requests.Last().Method);
        var card = _host.Card(_host.Connector.Requests.Count - 1);
        var body = card.GetProperty("body").EnumerateArray().ToList();
        var csv = body.Single(e => e.TryGetProperty("id", out var id) && id.GetString() == ImportFormView.CsvField);
        Assert.Equal("Nom;Titre\nJane;CFO\n", csv.GetProperty("value").GetString());
        Assert.Contains(body, e => e.TryGetProperty("id", out var id) && id.GetString() == "csvError");
    }

    [Fact]
    public async Task Confirm_Twice_AppliesOnceAndReplacesPreviewWithMap()
    {
        await SubmitFormAsync("Acme", Csv, "form-3");
        var preview = JsonDocument.Parse(_host.Card(_host.Connector.Requests.Count - 1).GetRawText());
        var confirm = preview.RootElement.GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("data").GetProperty("verb").GetString() == CardVerbs.ApplyImport)
            .GetProperty("data").GetRawText();

        await _host.PostAsync(new ActivityBuilder().Submit(confirm, replyToId: "form-3").Build());
        await _host.PostAsync(new ActivityBuilder().Submit(confirm, replyToId: "form-3").Build());

        var updates = _host.Connector.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.EndsWith("/activities/form-3", u.RawTarget, StringComparison.Ordinal));
        Assert.Contains("Jane Doe", updates[1].Body, StringComparison.Ordinal);
        Assert.Contains("already applied", updates[2].Body, StringComparison.Ordinal);
        var map = await MapAsync();
        Assert.Equal(2, map.Stakeholders.Count);
        Assert.Equal(["Jane Doe", "Omar Haddad"], map.Stakeholders.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task Cancel_Preview_ReplacesCardAndChangesNothing()
    {
        await SubmitFormAsync("Acme", Csv, "form-4");

        await _host.PostAsync(new ActivityBuilder().Submit($$"""{"verb":"{{CardVerbs.CancelImport}}"}""", replyToId: "form-4").Build());

        Assert.Contains("Import cancelled", _host.Connector.Requests.Last().Body, StringComparison.Ordinal);
        Assert.Equal("PUT", _host.Connector.Requests.Last().Method);
        Assert.Empty((await MapAsync()).Stakeholders);
    }

    private async Task SubmitFormAsync(string account, string csv, string cardId)
    {
        var data = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["verb"] = CardVerbs.PreviewImport,
            [ImportFormView.AccountField] = account,
            [ImportFormView.CsvField] = csv,
        });
        await _host.PostAsync(new ActivityBuilder().Submit(data, replyToId: cardId).Build());
    }

    private async Task<AccountMap> MapAsync()
    {
        var maps = await _host.Maps.ListAsync(WorkspaceKey.ForTeams(ActivityBuilder.TenantId), CancellationToken.None);
        return Assert.Single(maps);
    }
}
