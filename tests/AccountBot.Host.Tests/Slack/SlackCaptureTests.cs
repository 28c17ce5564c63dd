using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// Capture from a message, signed requests to the real host: the "Add to account map" message shortcut opens the
/// prefilled modal (views.open against the fake Slack API), its account picker's options, and its submission saving
/// the person with the message's permalink in the history.
/// </summary>
public sealed class SlackCaptureTests : IAsyncLifetime
{
    private const string Permalink = "https://acme.slack.example/archives/C0DEALS/p1700000000000100";
    private const string Note = "Call recap\nPriya Raman, VP Finance\n<@U0TOM|Tom Becker> joined late. Met Liz Park at lunch, she is keen.";
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Shortcut_OpensThePrefilledModal_OnTheChannelsLinkedMap_WithTheNamedPeople()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        await _host.SeedAsync("T0ACME", "Zeta", []);
        await _host.CommandTextAsync("Zeta link");
        _host.Api.Script("chat.getPermalink", FakeSlackReply.OkJson($$"""{"ok":true,"channel":"C0DEALS","permalink":"{{Permalink}}"}"""));

        using (var response = await _host.InteractAsync(MessageAction(Note)))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var permalink = Assert.Single(_host.Api.CallsTo("chat.getPermalink"));
        Assert.Contains("message_ts=1700000000.000100", permalink.Body, StringComparison.Ordinal);
        var view = Assert.Single(_host.Api.CallsTo("views.open")).Json.GetProperty("view");
        Assert.Equal(SlackBotIds.CaptureForm, view.GetProperty("callback_id").GetString());
        var picker = Block(view, SlackBotIds.CaptureAccount).GetProperty("element");
        Assert.Equal(("external_select", "Zeta"), (picker.GetProperty("type").GetString(), picker.GetProperty("initial_option").GetProperty("text").GetProperty("text").GetString()));
        Assert.Equal("Priya Raman", Block(view, "name").GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Equal(Note, Block(view, "notes").GetProperty("element").GetProperty("initial_value").GetString());
        var text = view.GetRawText();
        Assert.Contains("Priya Raman (VP Finance), Tom Becker", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Liz Park", text.Replace(Note, string.Empty, StringComparison.Ordinal).Replace(JsonSerializer.Serialize(Note)[1..^1], string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(Permalink, FormMetadata.TryDecode(view.GetProperty("private_metadata").GetString())!.Link);
        await AssertSlackAcceptsAsync("capture.views-open.json", _host.Api.CallsTo("views.open")[0].Body);
    }

    [Fact]
    public async Task AccountOptions_ListTheMapsTheUserMaySee_LinkedFirst_PrivateOnlyForItsOwner()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        await _host.SeedAsync("T0ACME", "Zeta", []);
        await _host.SeedAsync("T0ACME", "Secret", []);
        await _host.CommandTextAsync("Zeta link");
        await _host.CommandTextAsync("Secret private", channel: "C0OTHER");
        var metadata = await OpenAsync();

        var ana = await OptionsAsync(BlockSuggestion(SlackBotIds.CaptureAccount, SlackBotIds.CaptureAccount, "", metadata));
        var bob = await OptionsAsync(BlockSuggestion(SlackBotIds.CaptureAccount, SlackBotIds.CaptureAccount, "", metadata, user: "U0BOB"));
        var typed = await OptionsAsync(BlockSuggestion(SlackBotIds.CaptureAccount, SlackBotIds.CaptureAccount, "ac", metadata));
        var otherTeam = await OptionsAsync(BlockSuggestion(SlackBotIds.CaptureAccount, SlackBotIds.CaptureAccount, "", metadata, team: "T0OTHER"));

        Assert.Equal(["Zeta", "Acme", "Secret"], ana);
        Assert.Equal(["Zeta", "Acme"], bob);
        Assert.Equal(["Acme"], typed);
        Assert.Empty(otherTeam);
    }

    [Fact]
    public async Task Submission_SavesOnThePickedMap_KeepsThePermalinkInTheHistory_AndAnnounces()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        await _host.SeedAsync("T0ACME", "Zeta", []);
        _host.Api.Script("chat.getPermalink", FakeSlackReply.OkJson($$"""{"ok":true,"permalink":"{{Permalink}}"}"""));
        var metadata = await OpenAsync();
        var zeta = (await _host.FindMapAsync("T0ACME", "Zeta"))!;

        using (var submitted = await _host.InteractAsync(ViewSubmission(SlackBotIds.CaptureForm, metadata, new Dictionary<string, JsonObject>
        {
            [SlackBotIds.CaptureAccount] = Picked(zeta.Id.ToString("N"), "Zeta"),
            ["name"] = Text("Priya Raman"),
            ["title"] = Text("VP Finance"),
            ["notes"] = Text(Note),
        })))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            Assert.Equal(string.Empty, await submitted.Content.ReadAsStringAsync());
        }

        var saved = (await _host.FindMapAsync("T0ACME", "Zeta"))!;
        var priya = Assert.Single(saved.Stakeholders);
        Assert.Equal(("Priya Raman", "VP Finance", Note), (priya.Name, priya.Title, priya.Notes));
        Assert.Empty((await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders);
        var history = await _host.Factory.Services.GetRequiredService<AccountBot.Core.Abstractions.IAccountMapStore>()
            .GetHistoryAsync(saved.Workspace, saved.Id, 10, CancellationToken.None);
        Assert.Contains(history, h => h.Fields.Any(f => f.Field == StakeholderFormHandler.SourceField && f.New == Permalink));
        var announced = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));
        Assert.Equal("C0DEALS", announced.Json.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Submission_OnAMapTheUserMayNotSee_IsRefusedUnderThePicker_NothingSaved()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        await _host.SeedAsync("T0ACME", "Secret", []);
        await _host.CommandTextAsync("Secret private", channel: "C0OTHER");
        var metadata = await OpenAsync(user: "U0BOB");
        var secret = (await _host.FindMapAsync("T0ACME", "Secret"))!;

        using var response = await _host.InteractAsync(ViewSubmission(SlackBotIds.CaptureForm, metadata, new Dictionary<string, JsonObject>
        {
            [SlackBotIds.CaptureAccount] = Picked(secret.Id.ToString("N"), "Secret"),
            ["name"] = Text("Priya Raman"),
        }, user: "U0BOB"));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(SlackBotIds.CaptureAccount, out _));
        Assert.Empty((await _host.FindMapAsync("T0ACME", "Secret"))!.Stakeholders);
    }

    private async Task<string> OpenAsync(string user = "U0ANA")
    {
        using (await _host.InteractAsync(MessageAction(Note, user))) { }
        return PrivateMetadataOf(Assert.Single(_host.Api.CallsTo("views.open")).Json);
    }

    private async Task<List<string>> OptionsAsync(string payload)
    {
        using var response = await _host.InteractAsync(payload, "/slack/options");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. body.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetProperty("text").GetString()!)];
    }

    private static async Task AssertSlackAcceptsAsync(string name, string json)
    {
        var folder = Directory.CreateTempSubdirectory("capture-contract");
        try
        {
            var file = Path.Combine(folder.FullName, name);
            await File.WriteAllTextAsync(file, json);
            var result = await SlackContractCheck.RunAsync("slack-json", [file], CancellationToken.None);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static JsonElement Block(JsonElement view, string blockId) =>
        view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == blockId);

    private static JsonObject Picked(string value, string text) => new()
    {
        ["type"] = "external_select",
        ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text }, ["value"] = value },
    };

    private static string MessageAction(string text, string user = "U0ANA") => new JsonObject
    {
        ["type"] = "message_action",
        ["callback_id"] = SlackBotIds.CaptureShortcut,
        ["trigger_id"] = "1337.46.trigger",
        ["response_url"] = "https://hooks.example/capture",
        ["team"] = new JsonObject { ["id"] = "T0ACME", ["domain"] = "acme" },
        ["user"] = new JsonObject { ["id"] = user, ["name"] = "ana", ["team_id"] = "T0ACME" },
        ["channel"] = new JsonObject { ["id"] = "C0DEALS", ["name"] = "deals" },
        ["message_ts"] = "1700000000.000100",
        ["message"] = new JsonObject { ["type"] = "message", ["user"] = "U0TOM", ["ts"] = "1700000000.000100", ["text"] = text },
    }.ToJsonString();
}
