using System.Net;
using System.Text;
using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Privacy;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Pictures;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Host.Tests.Teams;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AccountBot.Host.Tests.Privacy;

/// <summary>Erasing a person and exporting history from Teams: JWT-signed activities to the real host, replies to a fake connector.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsPrivacyTests : IAsyncLifetime
{
    private static readonly RequestContext Ada = new(
        WorkspaceKey.ForTeams(ActivityBuilder.TenantId),
        new UserRef("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Ada Lovelace"),
        new ChannelRef(ActivityBuilder.PersonalConversationId));

    private SignedTeamsRig _rig = null!;
    private WebApplicationFactory<Program> _host = null!;
    private ErasureScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("teams-privacy", "privacy-key", "msteams");
        _host = _rig.Start(("PublicBaseUrl", "https://bot.example.com/"), ("Pictures:SigningKey", PictureHost.Key));
        _scenario = new ErasureScenario(_host.Services, Ada);
        await _scenario.SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Erase_CardAskedFirst_ThenItsEraseButton_LeavesNoTraceInMapHistoryOrDatabaseFiles()
    {
        Assert.NotEmpty(ErasureScenario.TracesInDatabaseFiles(_rig.Hosts.DatabasePath));

        Assert.Equal(HttpStatusCode.OK, await SayAsync("map Acme erase Zelda Quixwort"));
        var erase = ActionData(LastCard(), PrivacyTexts.ConfirmButton);
        Assert.Contains(_scenario.ZeldaId, (await _scenario.MapAsync()).Stakeholders.Select(s => s.Id));

        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(erase.GetRawText()).Build()));

        var answer = _rig.Connector.Requests[^1].Body;
        Assert.Contains("erased a person", answer, StringComparison.Ordinal);
        Assert.Empty(ErasureScenario.TracesIn(answer));
        Assert.DoesNotContain(_scenario.ZeldaId, (await _scenario.MapAsync()).Stakeholders.Select(s => s.Id));
        var history = await _scenario.HistoryAsync();
        Assert.Equal(PrivacyTexts.ErasedSummary, history[0].Summary);
        Assert.Equal(Ada.User.Id, history[0].By.Id);
        Assert.Empty(ErasureScenario.TracesIn(JsonSerializer.Serialize(history)));
        Assert.Empty(ErasureScenario.TracesIn(JsonSerializer.Serialize((await _scenario.DigestAsync())!.Digest!.Items)));
        Assert.Empty(ErasureScenario.TracesInDatabaseFiles(_rig.Hosts.DatabasePath));
    }

    [Fact]
    public async Task HistoryExport_DownloadLink_ServesEveryEntryAsCsv_AndHonoursALaterErase()
    {
        var entries = await _scenario.HistoryAsync();

        Assert.Equal(HttpStatusCode.OK, await SayAsync("map Acme history export"));
        var card = LastCard();
        Assert.Contains($"Acme history: {entries.Count} changes exported", card.GetRawText(), StringComparison.Ordinal);
        var link = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.OpenUrl").GetProperty("url").GetString()!;
        Assert.StartsWith("https://bot.example.com/exports/", link, StringComparison.Ordinal);

        var before = await DownloadAsync(link);
        Assert.Contains("Zelda Quixwort", before, StringComparison.Ordinal);
        Assert.Equal(entries.Sum(e => Math.Max(1, e.Fields.Count)) + 1, before.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal(HttpStatusCode.OK, await SayAsync("map Acme erase Zelda Quixwort"));
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(ActionData(LastCard(), PrivacyTexts.ConfirmButton).GetRawText()).Build()));

        var after = await DownloadAsync(link);
        Assert.Contains(PrivacyTexts.ErasedSummary, after, StringComparison.Ordinal);
        Assert.Empty(ErasureScenario.TracesIn(after));
    }

    private ActivityBuilder Activity() => new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl);

    private Task<HttpStatusCode> SayAsync(string text) => _rig.PostAsync(_host, Activity().Message(text).Build());

    /// <summary>The Adaptive Card of the bot's latest message to the connector.</summary>
    private JsonElement LastCard() =>
        JsonDocument.Parse(_rig.Connector.Requests[^1].Body).RootElement.GetProperty("attachments")[0].GetProperty("content").Clone();

    private static JsonElement ActionData(JsonElement card, string title) =>
        card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == title).GetProperty("data");

    private async Task<string> DownloadAsync(string link)
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }
}
