using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>CSV export and import driven the way Slack drives them: signed requests to the real host, Web API calls to a fake.</summary>
public sealed class SlackCsvFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    [Fact]
    public async Task Export_AcksAtOnce_ThenUploadsThroughTheThreeCallsWithTheRightBytes()
    {
        await SeedAsync("Acme", ["Jane Doe", "Omar Haddad"]);
        var expected = (ExportView)await DispatchAsync("map Acme export");

        var ack = await _host.CommandTextAsync("Acme export");
        Assert.Contains("Uploading", ack, StringComparison.Ordinal);
        Assert.Contains("ephemeral", ack, StringComparison.Ordinal);

        await _host.Api.WaitForCallsAsync("files.completeUploadExternal", 1, Timeout());
        var start = Assert.Single(_host.Api.CallsTo("files.getUploadURLExternal"));
        Assert.Equal("Bearer xoxb-acme", start.Authorization);
        Assert.Equal(expected.FileName, start.Form["filename"]);
        Assert.Equal(expected.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), start.Form["length"]);
        var upload = Assert.Single(_host.Api.CallsTo(FakeSlackApi.UploadUrlMethod));
        Assert.Null(upload.Authorization);
        Assert.Equal(expected.Content, upload.BodyBytes);
        var complete = Assert.Single(_host.Api.CallsTo("files.completeUploadExternal"));
        Assert.Equal("Bearer xoxb-acme", complete.Authorization);
        Assert.Equal("C0DEALS", complete.Form["channel_id"]);
        var file = Assert.Single(JsonDocument.Parse(complete.Form["files"]).RootElement.EnumerateArray());
        Assert.StartsWith("F", file.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("Acme stakeholders", file.GetProperty("title").GetString());
        Assert.Contains("2 people", complete.Form["initial_comment"], StringComparison.Ordinal);
        Assert.True(start.At <= upload.At && upload.At <= complete.At);
    }

    [Fact]
    public async Task Export_UploadRefused_PoliteEphemeralViaResponseUrl()
    {
        await SeedAsync("Acme", ["Jane Doe"]);
        _host.Api.Script("files.getUploadURLExternal", FakeSlackReply.Error("not_in_channel"));

        await _host.CommandTextAsync("Acme export");

        var sorry = Assert.Single(await _host.Api.WaitForCallsAsync("response_url", 1, Timeout()));
        Assert.Contains("invite me", sorry.Body, StringComparison.Ordinal);
        Assert.Equal("ephemeral", sorry.Json.GetProperty("response_type").GetString());
        Assert.Empty(_host.Api.CallsTo("files.completeUploadExternal"));
    }

    [Fact]
    public async Task Import_FormPreviewApply_MapUpdatedOnceEvenIfSubmittedTwice()
    {
        await SeedAsync("Acme", ["Jane Doe"]);

        using (var command = await _host.CommandAsync("Acme import", triggerId: "trig-import"))
        {
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
            Assert.Equal(string.Empty, await command.Content.ReadAsStringAsync());
        }

        var open = Assert.Single(_host.Api.CallsTo("views.open"));
        Assert.Equal("trig-import", open.Json.GetProperty("trigger_id").GetString());
        var form = open.Json.GetProperty("view");
        Assert.Equal(SlackBotIds.ImportForm, form.GetProperty("callback_id").GetString());
        var csvInput = Block(form, ImportFormView.CsvField).GetProperty("element");
        Assert.True(csvInput.GetProperty("multiline").GetBoolean());
        Assert.True(csvInput.GetProperty("max_length").GetInt32() <= 3000);
        Assert.Equal("Acme", Block(form, ImportFormView.AccountField).GetProperty("element").GetProperty("initial_value").GetString());

        using var previewed = await _host.InteractAsync(ViewSubmission(SlackBotIds.ImportForm, PrivateMetadataOf(open.Json), new Dictionary<string, JsonObject>
        {
            [ImportFormView.AccountField] = Text("Acme"),
            [ImportFormView.CsvField] = Text("Name,Title\nJane Doe,CFO\nOmar Haddad,VP Engineering\n"),
        }));
        var update = JsonDocument.Parse(await previewed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("update", update.GetProperty("response_action").GetString());
        var preview = update.GetProperty("view");
        Assert.Equal(SlackBotIds.ImportPreview, preview.GetProperty("callback_id").GetString());
        Assert.Equal("Import", preview.GetProperty("submit").GetProperty("text").GetString());
        Assert.Contains("Omar Haddad", preview.GetRawText(), StringComparison.Ordinal);
        Assert.Single((await FindMapAsync("Acme"))!.Stakeholders);

        var confirm = ViewSubmission(SlackBotIds.ImportPreview, preview.GetProperty("private_metadata").GetString()!, new Dictionary<string, JsonObject>());
        using (var first = await _host.InteractAsync(confirm))
            Assert.Equal(string.Empty, await first.Content.ReadAsStringAsync());
        using (var second = await _host.InteractAsync(confirm))
            Assert.Equal(string.Empty, await second.Content.ReadAsStringAsync());

        var announced = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        Assert.Equal("C0DEALS", announced.Json.GetProperty("channel").GetString());
        Assert.Contains("Omar Haddad", announced.Body, StringComparison.Ordinal);
        var map = await FindMapAsync("Acme");
        Assert.Equal(2, map!.Stakeholders.Count);
        Assert.Equal("CFO", map.Stakeholders.Single(s => s.Name == "Jane Doe").Title);
        // The announcement for a repeated submission is never queued, so one call is the final count.
        Assert.Single(_host.Api.CallsTo("chat.postMessage"));
    }

    [Theory]
    [InlineData("Acme", "Nom;Titre\nJane;CFO\n", ImportFormView.CsvField)]
    [InlineData(null, "Name\nJane Doe\n", ImportFormView.AccountField)]
    [InlineData("Acne", "Name\nJane Doe\n", ImportFormView.AccountField)]
    public async Task Import_RejectedPaste_ErrorKeyedByBlockIdAndNothingChanges(string? account, string csv, string field)
    {
        await SeedAsync("Acme", []);

        using var response = await _host.InteractAsync(ViewSubmission(SlackBotIds.ImportForm, "C0DEALS", new Dictionary<string, JsonObject>
        {
            [ImportFormView.AccountField] = Text(account),
            [ImportFormView.CsvField] = Text(csv),
        }));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
        Assert.Empty((await FindMapAsync("Acme"))!.Stakeholders);
    }

    [Fact]
    public async Task Import_MistypedAccount_SaysWhatTheMapCommandSaysWithTheSuggestion()
    {
        await SeedAsync("Acme", []);

        using var response = await _host.InteractAsync(ViewSubmission(SlackBotIds.ImportForm, "C0DEALS", new Dictionary<string, JsonObject>
        {
            [ImportFormView.AccountField] = Text("Acne"),
            [ImportFormView.CsvField] = Text("Name\nJane Doe\n"),
        }));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(
            "There is no map called Acne yet. Did you mean Acme?",
            body.GetProperty("errors").GetProperty(ImportFormView.AccountField).GetString());
    }

    private static JsonElement Block(JsonElement view, string blockId) =>
        view.GetProperty("blocks").EnumerateArray().First(b => b.TryGetProperty("block_id", out var id) && id.GetString() == blockId);

    private Task<Reply> DispatchAsync(string text) =>
        _host.Factory.Services.GetRequiredService<CommandDispatcher>().DispatchAsync(text, SlackBotHost.UserOf(), CancellationToken.None);

    private Task SeedAsync(string name, IReadOnlyList<string> people) => _host.SeedAsync("T0ACME", name, people);

    private Task<AccountMap?> FindMapAsync(string name) => _host.FindMapAsync("T0ACME", name);
}
