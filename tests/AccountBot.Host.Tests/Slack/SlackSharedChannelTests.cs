using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Slack;

/// <summary>
/// A channel shared with another organisation (conversations.info <c>is_ext_shared</c>, or the payload's
/// <c>is_ext_shared_channel</c>): no map content is posted there. Answers become private with
/// <see cref="AccessNotices.SharedChannelPrivateReply"/> on top, digests and exports are not sent, and
/// <c>map settings</c> says why.
/// </summary>
public sealed class SlackSharedChannelTests : IAsyncLifetime
{
    private const string Shared = "C0SHARED";
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ACME");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private SlackBotHost _host = null!;
    private volatile bool _shared = true;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _host = await SlackBotHost.StartAsync();
        _host.Api.Responder = call => call.Method == "conversations.info" && call.Form.GetValueOrDefault("channel") == Shared
            ? FakeSlackReply.OkJson(JsonSerializer.Serialize(new { ok = true, channel = new { id = Shared, is_ext_shared = _shared } }))
            : null;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    private Task IdleAsync() => _host.Factory.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Ct);

    private static string Escaped(string text) => JsonSerializer.Serialize(text)[1..^1];

    [Fact]
    public async Task Command_InSharedChannel_ChannelReplyBecomesPrivateWithTheNoticeOnTop()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        var reply = JsonDocument.Parse(await _host.CommandTextAsync("Acme tag Jane signer", channel: Shared)).RootElement;

        Assert.Equal("ephemeral", reply.GetProperty("response_type").GetString());
        var blocks = reply.GetProperty("blocks").EnumerateArray().Select(b => b.GetRawText()).ToList();
        Assert.Contains(Escaped(AccessNotices.SharedChannelPrivateReply), blocks[0], StringComparison.Ordinal);
        Assert.Contains(blocks, b => b.Contains("*Signer (1)*", StringComparison.Ordinal));
        Assert.Single(_host.Api.CallsTo("conversations.info"));
    }

    [Fact]
    public async Task Command_SharingCheckedOnceWithinFiveMinutes_AskedAgainAfterChannelUnshared()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        Assert.Contains("ephemeral", await _host.CommandTextAsync("Acme tag Jane signer", channel: Shared), StringComparison.Ordinal);
        Assert.Contains("ephemeral", await _host.CommandTextAsync("Acme tag Jane champion", channel: Shared), StringComparison.Ordinal);
        Assert.Single(_host.Api.CallsTo("conversations.info"));

        _shared = false;
        var unshared = JsonNode.Parse(AppMention("x", "Ev0UNSHARED"))!;
        unshared["event"] = new JsonObject { ["type"] = "channel_unshared", ["channel"] = Shared, ["previously_connected_team_id"] = "T0CUSTOMER", ["is_ext_shared"] = false, ["event_ts"] = "1700000001.000100" };
        using (var request = _host.Signer.CreateJsonRequest("/slack/events", unshared.ToJsonString()))
        using (await _host.Client.SendAsync(request, Ct)) { }
        await IdleAsync();

        Assert.Contains("in_channel", await _host.CommandTextAsync("Acme tag Jane blocker", channel: Shared), StringComparison.Ordinal);
        Assert.Equal(2, _host.Api.CallsTo("conversations.info").Count);
    }

    [Fact]
    public async Task Settings_InSharedChannel_SaysWhyAndSuggestsAPrivateChannel()
    {
        var reply = await _host.CommandTextAsync("settings", channel: Shared);

        Assert.Contains(Escaped(AccessNotices.SharedChannelSettings), reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InSharedChannel_NoFileUploaded()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);

        var reply = await _host.CommandTextAsync("Acme export", channel: Shared);
        await IdleAsync();

        Assert.Contains(Escaped(AccessNotices.SharedChannelSettings), reply, StringComparison.Ordinal);
        Assert.Empty(_host.Api.CallsTo("files.getUploadURLExternal"));
        Assert.Empty(_host.Api.CallsTo("files.completeUploadExternal"));
    }

    [Fact]
    public async Task Submission_InSharedChannel_AnnouncedOnlyToTheSubmitter()
    {
        await _host.SeedAsync("T0ACME", "Acme", []);
        using (await _host.CommandAsync("Acme add", channel: Shared)) { }
        var metadata = PrivateMetadataOf(_host.Api.CallsTo("views.open")[0].Json);

        using (await _host.InteractAsync(ViewSubmission(SlackBotIds.StakeholderForm, metadata, new Dictionary<string, JsonObject> { ["name"] = Text("Jane Doe") }))) { }
        await IdleAsync();

        Assert.Empty(_host.Api.CallsTo("chat.postMessage"));
        var announced = Assert.Single(_host.Api.CallsTo("chat.postEphemeral"));
        Assert.Equal(Shared, announced.Json.GetProperty("channel").GetString());
        Assert.Equal("U0ANA", announced.Json.GetProperty("user").GetString());
        Assert.Contains(Escaped(AccessNotices.SharedChannelPrivateReply), announced.Body, StringComparison.Ordinal);
        Assert.Contains("Jane Doe", announced.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_PayloadSaysExtShared_AnsweredPrivatelyWithoutAskingSlack()
    {
        await _host.SeedAsync("T0ACME", "Acme", ["Jane Doe"]);
        var mention = JsonNode.Parse(AppMention("<@U0BOT> map Acme", "Ev0CONNECT", channel: "C0CONNECT"))!;
        mention["is_ext_shared_channel"] = true;

        using (var request = _host.Signer.CreateJsonRequest("/slack/events", mention.ToJsonString()))
        using (await _host.Client.SendAsync(request, Ct)) { }
        await IdleAsync();

        Assert.Empty(_host.Api.CallsTo("chat.postMessage"));
        Assert.Empty(_host.Api.CallsTo("conversations.info"));
        var answer = Assert.Single(_host.Api.CallsTo("chat.postEphemeral"));
        Assert.Equal("U0ANA", answer.Json.GetProperty("user").GetString());
        Assert.Contains(Escaped(AccessNotices.SharedChannelPrivateReply), answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_ToSharedChannel_NotPostedAndMapSettingsShowsWhy()
    {
        var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-60), new UserRef("U0BO", "bo"));
        var created = AccountMap.Create(Workspace, "Globex", MapKind.Sales, stamp, new ChannelRef(Shared, "deals-with-globex"));
        await _host.Factory.Services.GetRequiredService<IAccountMapStore>().SaveAsync(created, Ct);

        var report = await _host.Factory.Services.GetRequiredService<ReminderRunner>().RunAsync(Shared, Ct);

        Assert.Equal(OutboxState.Failed, Assert.Single(report.Outcomes).State);
        Assert.Empty(_host.Api.CallsTo("chat.postMessage"));
        var settings = await _host.CommandTextAsync("settings", channel: Shared);
        Assert.Contains("shared with another organisation", settings, StringComparison.Ordinal);
        Assert.Contains("Last delivery failed", settings, StringComparison.Ordinal);
    }
}
