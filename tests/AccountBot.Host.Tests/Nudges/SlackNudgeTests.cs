using System.Net;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Host.Tests.Slack;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Nudges;

/// <summary>
/// Slack nudges through the real host: its reminder runner opens the DM (conversations.open) and posts the nudge at the
/// fake Web API; the nudge's Done and Snooze come back as signed block_actions from that DM and change the map.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class SlackNudgeTests : IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0ACME");
    private static readonly UserRef Ana = new("U0ANA", "ana");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync();
        await NudgeSeed.SeedAsync(Maps, Workspace, Ana);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Task<SlackBotHost> StartAsync(string? databasePath = null) =>
        SlackBotHost.StartAsync(settings: [.. NudgeSeed.DueAnyTime.Select(s => (s.Key, s.Value!)), .. databasePath is null ? [] : new[] { ("Storage:LiteDb:Path", databasePath) }]);

    private IAccountMapStore Maps => _host.Factory.Services.GetRequiredService<IAccountMapStore>();

    private Task<ReminderRunReport> RunRemindersAsync() => _host.Factory.Services.GetRequiredService<ReminderRunner>().RunAsync(null, CancellationToken.None);

    private static string ButtonValue(FakeSlackPost post, string actionId, Guid person) =>
        post.Call.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => (Id: e.GetProperty("action_id").GetString(), Value: e.GetProperty("value").GetString()!))
            .First(e => e.Id == actionId && e.Value.Contains(person.ToString("N"), StringComparison.Ordinal))
            .Value;

    private async Task<FakeSlackCall> ClickAsync(FakeSlackPost nudge, string actionId, Guid person, string responseId)
    {
        var before = _host.Api.CallsTo("response_url").Count;
        var payload = BlockAction(actionId, ButtonValue(nudge, actionId, person), channel: nudge.Channel, responseUrl: _host.Api.ResponseUrl(responseId), messageTs: nudge.Ts, ephemeral: false);
        using (var clicked = await _host.InteractAsync(payload))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        using var patience = new CancellationTokenSource(Patience);
        return (await _host.Api.WaitForCallsAsync("response_url", before + 1, patience.Token))[before];
    }

    [Fact]
    public async Task DueSteps_ADirectMessage_ItsDoneAndSnoozeButtonsChangeTheMap()
    {
        var report = await RunRemindersAsync();

        var planned = Assert.Single(report.Nudges);
        Assert.Equal(OutboxState.Sent, Assert.Single(report.Outcomes, o => o.Key == planned.Key).State);
        Assert.Equal("U0ANA", Assert.Single(_host.Api.CallsTo("conversations.open")).Form["users"]);
        var nudge = Assert.Single(_host.Api.Posts);
        Assert.Equal("DU0ANA", nudge.Channel);
        Assert.Contains("2 of your next steps are due.", nudge.Call.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Bo", nudge.Call.Body, StringComparison.Ordinal);

        var jane = await NudgeSeed.PersonAsync(Maps, Workspace, "Jane Doe");
        var raj = await NudgeSeed.PersonAsync(Maps, Workspace, "Raj Patel");
        var done = await ClickAsync(nudge, SlackBotIds.NudgeDone, jane.Id, "done");
        Assert.Contains("is marked done", done.Body, StringComparison.Ordinal);
        await ClickAsync(nudge, SlackBotIds.NudgeSnooze, raj.Id, "snooze");

        Assert.Null((await NudgeSeed.PersonAsync(Maps, Workspace, "Jane Doe")).NextStep);
        var snoozed = await NudgeSeed.PersonAsync(Maps, Workspace, "Raj Patel");
        Assert.Equal(("book the demo", NudgeSeed.Today.AddDays(1)), (snoozed.NextStep, snoozed.NextStepDue));
        var acme = await Maps.FindByNameAsync(Workspace, "Acme", CancellationToken.None);
        var history = await Maps.GetHistoryAsync(Workspace, acme!.Id, 10, CancellationToken.None);
        Assert.Contains(history, h => h.By.Id == "U0ANA" && h.Summary.Contains("Jane Doe", StringComparison.Ordinal));
        Assert.Contains(history, h => h.By.Id == "U0ANA" && h.Summary.Contains("Raj Patel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DueSteps_SentOnce_AcrossTwoRunsAndARestart()
    {
        await RunRemindersAsync();
        Assert.Empty((await RunRemindersAsync()).Nudges);
        Assert.Single(_host.Api.Posts);

        var path = _host.DatabasePath;
        await _host.Factory.DisposeAsync();
        var restarted = await StartAsync(path);
        try
        {
            var report = await restarted.Factory.Services.GetRequiredService<ReminderRunner>().RunAsync(null, CancellationToken.None);
            Assert.Empty(report.Nudges);
            Assert.Empty(restarted.Api.Posts);
            Assert.Empty(restarted.Api.CallsTo("conversations.open"));
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    [Fact]
    public async Task MapNotifyOff_NoDirectMessage()
    {
        Assert.Contains("are now off", await _host.CommandTextAsync("notify off"), StringComparison.Ordinal);

        var report = await RunRemindersAsync();

        Assert.Empty(report.Nudges);
        Assert.Empty(_host.Api.Posts);
        Assert.Empty(_host.Api.CallsTo("conversations.open"));
    }
}
