using System.Net;
using System.Text;
using System.Text.Json;
using AccountBot.Core.Features.Privacy;
using AccountBot.Core.Views;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using AccountBot.Host.Tests.Slack;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Privacy;

/// <summary>Erasing a person and exporting history, driven the way Slack drives them: signed requests to the real host.</summary>
public sealed class SlackPrivacyTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private SlackBotHost _host = null!;
    private ErasureScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackBotHost.StartAsync();
        _scenario = new ErasureScenario(_host.Factory.Services, SlackBotHost.UserOf("T0ACME"));
        await _scenario.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    [Fact]
    public async Task Erase_WithoutTheButton_AsksAndErasesNothing()
    {
        var before = await _scenario.MapAsync();

        var ask = await _host.CommandTextAsync("Acme erase Zelda");

        Assert.Contains(SlackBotIds.ConfirmErase, ask, StringComparison.Ordinal);
        Assert.Contains("for good", ask, StringComparison.Ordinal);
        var after = await _scenario.MapAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Contains(after.Stakeholders, s => s.Id == _scenario.ZeldaId);
    }

    [Fact]
    public async Task Erase_Confirmed_NoTraceInTheMapHistoryExportsImportDigestOrDatabaseFiles()
    {
        // The reader sees her while the bot holds the file open: a clean result below is not a blind one.
        Assert.NotEmpty(ErasureScenario.TracesInDatabaseFiles(_host.DatabasePath));
        var confirm = ButtonValue(await _host.CommandTextAsync("Acme erase Zelda"), SlackBotIds.ConfirmErase);

        using (var clicked = await _host.InteractAsync(BlockAction(SlackBotIds.ConfirmErase, confirm, responseUrl: _host.Api.ResponseUrl("erase"))))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);

        var answer = Assert.Single(await _host.Api.WaitForCallsAsync("response_url", 1, Timeout()));
        Assert.Contains("erased a person", answer.Body, StringComparison.Ordinal);
        Assert.Empty(ErasureScenario.TracesIn(answer.Body));

        var map = await _scenario.MapAsync();
        var john = Assert.Single(map.Stakeholders);
        Assert.Equal("John Roe", john.Name);
        Assert.Null(john.ReportsToId);
        Assert.Empty(map.Relationships);
        Assert.Equal("Ask [erased] first", john.Notes);

        var history = await _scenario.HistoryAsync();
        Assert.Equal(PrivacyTexts.ErasedSummary, history[0].Summary);
        Assert.Equal("U0ANA", history[0].By.Id);
        Assert.Empty(ErasureScenario.TracesIn(JsonSerializer.Serialize(history)));
        var shown = await _host.CommandTextAsync("Acme history");
        Assert.Contains(PrivacyTexts.ErasedSummary, shown, StringComparison.Ordinal);
        Assert.Empty(ErasureScenario.TracesIn(shown));

        Assert.Empty(ErasureScenario.TracesIn(Encoding.UTF8.GetString(await UploadAsync("Acme export", 1))));
        var historyCsv = Encoding.UTF8.GetString(await UploadAsync("Acme history export", 2));
        Assert.Contains(PrivacyTexts.ErasedSummary, historyCsv, StringComparison.Ordinal);
        Assert.Empty(ErasureScenario.TracesIn(historyCsv));

        var digest = await _scenario.DigestAsync();
        Assert.NotNull(digest?.Digest);
        Assert.Equal(["no signer"], digest.Digest.Items.Single().Gaps.Select(g => g.Message));
        Assert.Empty(ErasureScenario.TracesIn(JsonSerializer.Serialize(digest.Digest.Items)));

        var import = Assert.IsType<NoticeView>(await _scenario.ApplyImportAsync());
        Assert.Contains("expired", import.Text, StringComparison.Ordinal);

        Assert.Empty(ErasureScenario.TracesInDatabaseFiles(_host.DatabasePath));
    }

    [Fact]
    public async Task HistoryExport_UploadsEveryEntryOldestFirst()
    {
        var entries = await _scenario.HistoryAsync();

        var csv = Encoding.UTF8.GetString(await UploadAsync("Acme history export", 1)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("\uFEFFVersion,At (UTC),By Id,By,Summary,Field,Old,New", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("1,", csv[1], StringComparison.Ordinal);
        Assert.Contains("created the sales map Acme", csv[1], StringComparison.Ordinal);
        Assert.Equal(entries.Sum(e => Math.Max(1, e.Fields.Count)), csv.Length - 1);
        var complete = Assert.Single(_host.Api.CallsTo("files.completeUploadExternal"));
        Assert.Equal("Acme history", JsonDocument.Parse(complete.Form["files"]).RootElement[0].GetProperty("title").GetString());
        Assert.Contains($"{entries.Count} changes", complete.Form["initial_comment"], StringComparison.Ordinal);
    }

    /// <summary>Runs an export command and returns the bytes of the <paramref name="nth"/> file uploaded so far.</summary>
    private async Task<byte[]> UploadAsync(string command, int nth)
    {
        var ack = await _host.CommandTextAsync(command);
        Assert.Contains("Uploading", ack, StringComparison.Ordinal);
        await _host.Api.WaitForCallsAsync("files.completeUploadExternal", nth, Timeout());
        return _host.Api.CallsTo(FakeSlackApi.UploadUrlMethod)[nth - 1].BodyBytes;
    }

    private static string ButtonValue(string message, string actionId) =>
        JsonDocument.Parse(message).RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString() == actionId).GetProperty("value").GetString()!;
}
