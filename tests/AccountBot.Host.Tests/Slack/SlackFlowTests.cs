using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>AccountBot driven the way Slack drives it: signed requests over HTTP to the real host, Web API calls to a fake.</summary>
public sealed class SlackFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    [Fact]
    public async Task MapCommand_NotFoundCreateAddSubmit_AnnouncesAndShowsChampion()
    {
        var notFound = await _host.CommandTextAsync("Acme");
        Assert.Contains("There is no map called", notFound, StringComparison.Ordinal);
        Assert.Contains("cmd:create", notFound, StringComparison.Ordinal);

        var create = JsonDocument.Parse(notFound).RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString() == "cmd:create").GetProperty("value").GetString()!;
        using (var clicked = await _host.InteractAsync(BlockAction("cmd:create", create, responseUrl: _host.Api.ResponseUrl("create"))))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var created = await _host.Api.WaitForCallsAsync("response_url", 1, Timeout());
        Assert.Contains("Acme", created[0].Body, StringComparison.Ordinal);

        using (var add = await _host.CommandAsync("Acme add Jane", triggerId: "trig-add"))
        {
            // views.open was called with the trigger id before the ack came back; the ack itself is empty.
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
            Assert.Equal(string.Empty, await add.Content.ReadAsStringAsync());
            var open = Assert.Single(_host.Api.CallsTo("views.open"));
            Assert.Equal("trig-add", open.Json.GetProperty("trigger_id").GetString());
            Assert.Equal("Bearer xoxb-acme", open.Authorization);
        }

        var metadata = PrivateMetadataOf(_host.Api.CallsTo("views.open")[0].Json);
        using (var submitted = await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text("Jane Doe"),
            ["title"] = Text("VP Engineering"),
            ["roles"] = MultiSelected("Champion"),
            ["power"] = Selected("4"),
        })))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            Assert.Equal(string.Empty, await submitted.Content.ReadAsStringAsync());
        }

        var announced = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        Assert.Equal("C0DEALS", announced.Json.GetProperty("channel").GetString());
        Assert.Contains("Jane Doe", announced.Body, StringComparison.Ordinal);

        var map = await _host.CommandTextAsync("Acme");
        var champion = map.IndexOf("*Champion (1)*", StringComparison.Ordinal);
        Assert.True(champion >= 0, map);
        Assert.True(map.IndexOf("Jane Doe", champion, StringComparison.Ordinal) > champion);
    }

    [Fact]
    public async Task Edit_OpensModalPrefilled_AndTagCommandAddsRole()
    {
        var janeId = await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        using (var edit = await _host.CommandAsync("Acme edit Jane"))
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var view = Assert.Single(_host.Api.CallsTo("views.open")).Json.GetProperty("view");
        var name = view.GetProperty("blocks").EnumerateArray().First(b => b.TryGetProperty("block_id", out var id) && id.GetString() == "name");
        Assert.Equal("Jane Doe", name.GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Contains(janeId[0].ToString(), view.GetProperty("private_metadata").GetString(), StringComparison.Ordinal);

        var tagged = await _host.CommandTextAsync("Acme tag Jane signer");
        Assert.True(tagged.Contains("in_channel", StringComparison.Ordinal), tagged);
        Assert.Contains("*Signer (1)*", tagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreDetails_UpdatesTheModalInPlaceWithSlacksHash_KeepingWhatWasTyped()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        using (await _host.CommandAsync("Acme add Jane Doe")) { }
        var opened = _host.Api.CallsTo("views.open")[0].Json.GetProperty("view");
        var schema = StakeholderFormSchema.Schema;
        var several = StakeholderModalRenderer.SeveralBlockId;
        Assert.Equal(schema.ShortFields.Select(f => f.Id).Append(several), InputIds(opened));

        using var clicked = await _host.InteractAsync(ViewBlockAction(
            SlackBotIds.StakeholderMoreDetails, SlackBotIds.StakeholderForm, opened.GetProperty("private_metadata").GetString()!,
            new Dictionary<string, JsonObject> { ["name"] = Text("Jane Doe"), ["title"] = Text("VP Finance"), ["roles"] = MultiSelected("Champion") },
            viewId: "V0SHORT", hash: "hash-7"));

        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var update = Assert.Single(_host.Api.CallsTo("views.update")).Json;
        Assert.Equal(("V0SHORT", "hash-7"), (update.GetProperty("view_id").GetString(), update.GetProperty("hash").GetString()));
        var view = update.GetProperty("view");
        Assert.Equal(schema.ShortFields.Select(f => f.Id).Append(several).Concat(schema.DetailFields.Select(f => f.Id)), InputIds(view));
        Assert.Equal("VP Finance", Block(view, "title").GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Equal("Champion", Block(view, "roles").GetProperty("element").GetProperty("initial_options")[0].GetProperty("value").GetString());
        var before = FormMetadata.TryDecode(opened.GetProperty("private_metadata").GetString())!;
        Assert.Equal(before with { ShortForm = false }, FormMetadata.TryDecode(view.GetProperty("private_metadata").GetString()));
        Assert.Empty(_host.Api.CallsTo("views.open").Skip(1));
    }

    [Fact]
    public async Task Submit_EmptyNameAndBadEmail_ErrorsKeyedByBlockId()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        using (await _host.CommandAsync("Acme add")) { }
        var metadata = await MoreDetailsAsync();

        using var response = await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text(null),
            ["email"] = Text("not-an-email"),
        }));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Empty(_host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Submit_SameSubmissionTwice_OnePersonOneAnnouncement()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        using (await _host.CommandAsync("Acme add")) { }
        var metadata = PrivateMetadataOf(_host.Api.CallsTo("views.open")[0].Json);
        var payload = ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject> { ["name"] = Text("Jane Doe") });

        using (await _host.InteractAsync(payload)) { }
        using (await _host.InteractAsync(payload)) { }

        await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout());
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        Assert.Single(map!.Stakeholders);
        // The announcement for a repeated submission is never queued, so one call is the final count.
        Assert.Single(_host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Options_LargeMap_FiltersByTypedText_AndNeverCrossesWorkspaces()
    {
        var people = Enumerable.Range(1, 130).Select(i => $"Person {i:D3}").ToArray();
        await _host.SeedAsync("T0ACME", "Acme", people);
        using (await _host.CommandAsync("Acme add")) { }
        var metadata = PrivateMetadataOf(_host.Api.CallsTo("views.open")[0].Json);

        var all = await OptionsAsync(BlockSuggestion("reportsTo", "reportsTo", "", metadata));
        var typed = await OptionsAsync(BlockSuggestion("reportsTo", "reportsTo", "person 12", metadata));
        var forged = await OptionsAsync(BlockSuggestion("reportsTo", "reportsTo", "", metadata, team: "T0OTHER"));
        var none = await OptionsAsync(BlockSuggestion("relatedTo", "relatedTo", "", "{\"m\":\"not json"));

        Assert.Equal(100, all.Count);
        Assert.Equal([.. Enumerable.Range(120, 10).Select(i => $"Person {i}")], typed);
        Assert.Empty(forged);
        Assert.Empty(none);
    }

    [Fact]
    public async Task TwoWorkspaces_SameMapName_NeverSeeEachOther()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        var other = await _host.CommandTextAsync("Acme", team: "T0OTHER");
        var list = await _host.CommandTextAsync("list", team: "T0OTHER");

        Assert.Contains("There is no map called", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", other, StringComparison.Ordinal);
        Assert.Contains("0 account maps", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announcement_RateLimitedOnce_IsRetried()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        _host.Api.Script("chat.postMessage", FakeSlackReply.RateLimited(1));
        using (await _host.CommandAsync("Acme add")) { }
        var metadata = PrivateMetadataOf(_host.Api.CallsTo("views.open")[0].Json);

        using (await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject> { ["name"] = Text("Jane") }))) { }

        var calls = await _host.Api.WaitForCallsAsync("chat.postMessage", 2, Timeout());
        Assert.Equal(2, calls.Count);
    }

    [Theory]
    [InlineData("""{"ok":true,"user":{"id":"U0OMAR","name":"omar","real_name":"Omar Khan","profile":{"display_name":"Omar K","real_name":"Omar Khan"}}}""", "Omar K")]
    [InlineData("""{"ok":true,"user":{"id":"U0OMAR","name":"omar","real_name":"Omar Khan","profile":{"display_name":"","real_name":"Omar Khan"}}}""", "Omar Khan")]
    [InlineData("""{"ok":false,"error":"user_not_found"}""", "U0OMAR")]
    public async Task OwnerPickedInTheModal_IsSavedWithTheNameSlackShows_OrTheIdWhenSlackCannotSay(string usersInfo, string savedName)
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        _host.Api.Script("users.info", FakeSlackReply.OkJson(usersInfo));
        using (await _host.CommandAsync("Acme add")) { }
        var metadata = await MoreDetailsAsync();

        using var ack = await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text("Jane Doe"),
            ["owner"] = new JsonObject { ["type"] = "users_select", ["selected_user"] = "U0OMAR" },
        }));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var owner = Assert.Single((await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders).RelationshipOwner;
        Assert.Equal(new AccountBot.Core.Accounts.UserRef("U0OMAR", savedName), owner);
        Assert.Single(_host.Api.CallsTo("users.info"));
    }

    [Fact]
    public async Task ViewsOpenFails_AnswersPolitelyWithAButton()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        _host.Api.Script("views.open", FakeSlackReply.Error("expired_trigger_id"));

        var body = await _host.CommandTextAsync("Acme add Jane");

        Assert.Contains("Open form", body, StringComparison.Ordinal);
        Assert.Contains("map Acme add Jane", body, StringComparison.Ordinal);
        Assert.DoesNotContain("expired_trigger_id", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSignature_401_AndNothingChanges()
    {
        using var request = _host.Signer.CreateFormRequest("/slack/commands", Command("Acme create", responseUrl: _host.Api.ResponseUrl()));
        request.Headers.Remove("X-Slack-Signature");
        request.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Null(await _host.FindMapAsync("T0ACME", "Acme"));
    }

    [Fact]
    public async Task AppMention_RepliesInThread_WithoutTheBotMention()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        using var request = _host.Signer.CreateJsonRequest("/slack/events", AppMention("<@U0BOT> map Acme", "Ev01"));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        Assert.Equal("1700000000.000200", post.Json.GetProperty("thread_ts").GetString());
        Assert.Contains("Jane Doe", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapCardButton_MarkReviewed_ReplacesTheCardViaResponseUrl()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        using (await _host.InteractAsync(BlockAction(SlackBotIds.MapReviewed, "map Acme reviewed", responseUrl: _host.Api.ResponseUrl("card")))) { }

        var respond = Assert.Single(await _host.Api.WaitForCallsAsync("response_url", 1, Timeout()));
        Assert.True(respond.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Last reviewed", respond.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapCard_MoreThan100People_EditSearchOffersMatchingPeopleOnlyInItsWorkspace()
    {
        await _host.SeedAsync("T0ACME", "Acme", [.. Enumerable.Range(1, 120).Select(i => $"Person {i:D3}")]);
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        var block = SlackBotIds.MapCardBlockPrefix + map!.Id.ToString("N");

        var found = await OptionsAsync(BlockSuggestion(SlackBotIds.MapEditSearch, block, "person 11", null));
        var forged = await OptionsAsync(BlockSuggestion(SlackBotIds.MapEditSearch, block, "", null, team: "T0OTHER"));

        Assert.Equal([.. Enumerable.Range(110, 10).Select(i => $"Person {i}")], found);
        Assert.Empty(forged);
    }

    [Fact]
    public async Task Remove_ConfirmButton_RemovesThePerson()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe", "John Roe"]);

        var confirm = await _host.CommandTextAsync("Acme remove Jane");
        var command = JsonDocument.Parse(confirm).RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => e.GetProperty("action_id").GetString() == SlackBotIds.ConfirmRemove).GetProperty("value").GetString()!;
        using (await _host.InteractAsync(BlockAction(SlackBotIds.ConfirmRemove, command, responseUrl: _host.Api.ResponseUrl("rm")))) { }

        await _host.Api.WaitForCallsAsync("response_url", 1, Timeout());
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        Assert.DoesNotContain(map!.Stakeholders, s => s.Name == "Jane Doe" && s.IsActive);
        Assert.Contains(map.Stakeholders, s => s.Name == "John Roe");
    }

    private async Task<List<string>> OptionsAsync(string payload)
    {
        using var response = await _host.InteractAsync(payload, "/slack/options");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. body.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetProperty("text").GetString()!)];
    }

    /// <summary>Presses "More details" in the modal views.open showed (the fields behind it are only in the updated modal); its metadata.</summary>
    private async Task<string> MoreDetailsAsync()
    {
        var shortForm = PrivateMetadataOf(_host.Api.CallsTo("views.open")[0].Json);
        using (await _host.InteractAsync(ViewBlockAction(SlackBotIds.StakeholderMoreDetails, SlackBotIds.StakeholderForm, shortForm, new Dictionary<string, JsonObject>()))) { }
        return PrivateMetadataOf(_host.Api.CallsTo("views.update")[0].Json);
    }

    private static IEnumerable<string> InputIds(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "input").Select(b => b.GetProperty("block_id").GetString()!);

    private static JsonElement Block(JsonElement view, string blockId) =>
        view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == blockId);
}
