using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Slack.Rendering;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// A quick add as Slack sends it: the slash command's text escaped (<c>should_escape</c>: mentions as <c>&lt;@U…|name&gt;</c>,
/// <c>&amp;amp;</c>) and with the line breaks typed with Shift+Enter, signed, to the real host.
/// </summary>
public sealed class SlackQuickAddTests : IAsyncLifetime
{
    private SlackBotHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackBotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Command_EscapedMentionAndSeveralLines_OwnerIsTheMentionedUser_AndEachLineIsAPerson()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);

        var reply = await _host.CommandTextAsync("Acme add Jane Doe, VP R&amp;D, champion, owner <@U0BOB|bob>\nCarl Poe, CTO, owner me");

        Assert.Contains("added Jane Doe, Carl Poe.", reply, StringComparison.Ordinal);
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        var jane = map!.Stakeholders.Single(s => s.Name == "Jane Doe");
        Assert.Equal(("VP R&D", new UserRef("U0BOB", "bob")), (jane.Title, jane.RelationshipOwner));
        Assert.Equal("U0ANA", map.Stakeholders.Single(s => s.Name == "Carl Poe").RelationshipOwner?.Id);
    }

    [Fact]
    public async Task Command_ChannelMentionInAName_ReadsAsTyped()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);

        await _host.CommandTextAsync("Acme add Jane Doe, Lead of <#C0DEALS|deals>");

        var map = await _host.FindMapAsync("T0ACME", "Acme");
        Assert.Equal("Lead of #deals", map!.Stakeholders.Single().Title);
    }

    [Fact]
    public async Task AddModal_SeveralLines_AddsEachPerson_OneAnnouncementWithUndo_ThatUndoes()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        var metadata = await OpenAddModalAsync();

        using (var submitted = await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text(null),
            [StakeholderModalRenderer.SeveralBlockId] = Text("Jane Doe, VP Finance, champion, power 5\nCarl Poe, CTO, owner me\n\nDan Roe, blocker"),
        })))
        {
            // The modal closes: an empty ack.
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            Assert.Equal(string.Empty, await submitted.Content.ReadAsStringAsync());
        }

        var announced = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        Assert.Equal("C0DEALS", announced.Json.GetProperty("channel").GetString());
        Assert.Contains("added Jane Doe, Carl Poe, Dan Roe.", announced.Body, StringComparison.Ordinal);
        var map = await _host.FindMapAsync("T0ACME", "Acme");
        Assert.Equal(["Carl Poe", "Dan Roe", "Jane Doe"], map!.Stakeholders.Select(s => s.Name).Order(StringComparer.Ordinal));
        var jane = map.Stakeholders.Single(s => s.Name == "Jane Doe");
        Assert.Equal(("VP Finance", Role.Champion, 5), (jane.Title, jane.Roles, jane.Power));
        Assert.Equal("U0ANA", map.Stakeholders.Single(s => s.Name == "Carl Poe").RelationshipOwner?.Id);

        var undo = Buttons(announced.Json).Single(b => b.GetProperty("action_id").GetString() == SlackBotIds.MapUndo).GetProperty("value").GetString()!;
        using (var clicked = await _host.InteractAsync(BlockAction(SlackBotIds.MapUndo, undo, responseUrl: _host.Api.ResponseUrl("undo"))))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        await _host.Api.WaitForCallsAsync("response_url", 1, Timeout());
        Assert.Empty((await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders);
    }

    [Theory]
    [InlineData(null, "Jane Doe, CFO\nCarl Poe, CTO, power 9", "Line 2 (Carl Poe)")]
    [InlineData(null, "Jane Doe, CFO\n, CTO", "Line 2")]
    [InlineData("Bob Roe", "Jane Doe, CFO", "not both")]
    public async Task AddModal_SeveralLinesRefused_FieldErrorUnderTheLines_NothingSaved(string? name, string lines, string named)
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        var metadata = await OpenAddModalAsync();

        using var response = await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text(name),
            [StakeholderModalRenderer.SeveralBlockId] = Text(lines),
        }));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateObject());
        Assert.Equal(StakeholderModalRenderer.SeveralBlockId, error.Name);
        Assert.Contains(named, error.Value.GetString(), StringComparison.Ordinal);
        Assert.Empty((await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders);
        // Only a save queues an announcement, so none now means none.
        Assert.Empty(_host.Api.CallsTo("chat.postMessage"));
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    private async Task<string> OpenAddModalAsync()
    {
        using (await _host.CommandAsync("Acme add")) { }
        var view = Assert.Single(_host.Api.CallsTo("views.open")).Json.GetProperty("view");
        Assert.Contains(view.GetProperty("blocks").EnumerateArray(), b => b.TryGetProperty("block_id", out var id) && id.GetString() == StakeholderModalRenderer.SeveralBlockId);
        return view.GetProperty("private_metadata").GetString()!;
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement message) => message.GetProperty("blocks").EnumerateArray()
        .Where(b => b.GetProperty("type").GetString() == "actions")
        .SelectMany(b => b.GetProperty("elements").EnumerateArray());
}
