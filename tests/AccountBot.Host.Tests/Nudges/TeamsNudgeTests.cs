using System.Net;
using System.Text.Json;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Text;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Host.Tests.Teams;
using AccountBot.Teams.Bot;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Nudges;

/// <summary>
/// Teams nudges through the real host: the person writes to the bot (JWT-signed activities), the host's reminder runner
/// opens a 1:1 conversation with them at the fake Bot Connector and sends the nudge card, and the card's Done and Snooze,
/// clicked in that chat, change the map.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsNudgeTests : IAsyncLifetime
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams(ActivityBuilder.TenantId);
    private static readonly UserRef Ada = new("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Ada Lovelace");

    private SignedTeamsRig _rig = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("teams-nudges", "nudge-key", "msteams");
        _host = Start();
        await NudgeSeed.SeedAsync(Maps, Workspace, Ada);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rig.DisposeAsync();
    }

    private WebApplicationFactory<Program> Start() => _rig.Start(NudgeSeed.DueAnyTime);

    private IAccountMapStore Maps => _host.Services.GetRequiredService<IAccountMapStore>();

    private ActivityBuilder Activity() => new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl);

    private Task<ReminderRunReport> RunRemindersAsync() => _host.Services.GetRequiredService<ReminderRunner>().RunAsync(null, CancellationToken.None);

    /// <summary>The 1:1 conversations the bot opened with someone (a digest's new thread names a channel instead).</summary>
    private List<JsonElement> OneToOnes() =>
        [.. _rig.Connector.Requests
            .Where(r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())
            .Where(b => b.TryGetProperty("members", out _))];

    /// <summary>The nudge cards sent into a conversation the bot opened (the fake connector names each new one <c>…;messageid=N</c>).</summary>
    private List<JsonElement> NudgeCards() =>
        [.. _rig.Connector.Requests
            .Where(r => r.RawTarget.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())
            .Where(b => b.TryGetProperty("conversation", out var c) && c.GetProperty("id").GetString()!.Contains("messageid=", StringComparison.Ordinal))];

    [Fact]
    public async Task DueSteps_AfterTheOwnerWroteToTheBot_AOneToOneCard_ItsDoneAndSnoozeClickedThereChangeTheMap()
    {
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Message("map help").Build()));

        var report = await RunRemindersAsync();

        var nudge = Assert.Single(report.Nudges);
        Assert.Equal(Ada.Id, nudge.Recipient.Id);
        Assert.Equal(OutboxState.Sent, Assert.Single(report.Outcomes, o => o.Key == nudge.Key).State);
        var open = Assert.Single(OneToOnes());
        Assert.False(open.GetProperty("isGroup").GetBoolean());
        Assert.Equal(ActivityBuilder.UserId, Assert.Single(open.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(ActivityBuilder.TenantId, open.GetProperty("tenantId").GetString());
        Assert.Equal(ActivityBuilder.BotId, open.GetProperty("bot").GetProperty("id").GetString());

        var message = Assert.Single(NudgeCards());
        var card = message.GetProperty("attachments")[0].GetProperty("content");
        var text = card.GetRawText();
        Assert.Contains("2 of your next steps are due.", text, StringComparison.Ordinal);
        Assert.Contains("Jane Doe (Acme): send pricing", text, StringComparison.Ordinal);
        Assert.Contains("Raj Patel (Acme): book the demo", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Bo", text, StringComparison.Ordinal);

        var jane = await NudgeSeed.PersonAsync(Maps, Workspace, "Jane Doe");
        var raj = await NudgeSeed.PersonAsync(Maps, Workspace, "Raj Patel");
        var actions = Actions(card).ToList();
        var done = actions.First(a => a.GetProperty("title").GetString() == Sentences.NudgeButtonDone).GetProperty("data");
        var snooze = actions.Where(a => a.GetProperty("title").GetString() == Sentences.NudgeButtonSnooze).Select(a => a.GetProperty("data")).ToList();
        Assert.Contains(jane.Id.ToString("N"), done.GetRawText(), StringComparison.Ordinal);
        var rajSnooze = snooze.Single(d => d.GetRawText().Contains(raj.Id.ToString("N"), StringComparison.Ordinal));

        // Clicked in the 1:1 chat (the personal conversation), as Teams delivers an Action.Submit.
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(done.GetRawText()).Build()));
        Assert.Contains("is marked done", _rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Submit(rajSnooze.GetRawText()).Build()));

        Assert.Null((await NudgeSeed.PersonAsync(Maps, Workspace, "Jane Doe")).NextStep);
        var snoozed = await NudgeSeed.PersonAsync(Maps, Workspace, "Raj Patel");
        Assert.Equal(("book the demo", NudgeSeed.Today.AddDays(1)), (snoozed.NextStep, snoozed.NextStepDue));
    }

    [Fact]
    public async Task DueSteps_SentOnce_AcrossTwoRunsAndARestart()
    {
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Message("map help").Build()));

        await RunRemindersAsync();
        var second = await RunRemindersAsync();
        Assert.Empty(second.Nudges);

        await _host.DisposeAsync();
        _host = Start();
        var restarted = await RunRemindersAsync();

        Assert.Empty(restarted.Nudges);
        Assert.Single(OneToOnes());
        Assert.Single(NudgeCards());
    }

    [Fact]
    public async Task NoAddressKnown_PreviewSaysSkipped_TheRunGivesUpAtOnce_NeverRetried()
    {
        var preview = await _host.Services.GetRequiredService<ReminderRunner>().PreviewAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var planned = Assert.Single(preview.Nudges);
        Assert.Equal(TeamsNudgeSender.NoAddress, preview.Unreachable[planned.Key.Value]);

        var report = await RunRemindersAsync();
        var outcome = Assert.Single(report.Outcomes, o => o.Key == planned.Key);
        Assert.Equal(OutboxState.Failed, outcome.State);
        Assert.Null(report.NextRetryAt);

        var again = await RunRemindersAsync();
        Assert.Empty(again.Nudges);
        Assert.DoesNotContain(again.Outcomes, o => o.Key == planned.Key);
        Assert.Empty(OneToOnes());
    }

    [Fact]
    public async Task MapNotifyOff_NoNudge()
    {
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, Activity().Message("map notify off").Build()));
        Assert.Contains("are now off", _rig.Connector.Requests[^1].Body, StringComparison.Ordinal);

        var report = await RunRemindersAsync();

        Assert.Empty(report.Nudges);
        Assert.Empty(OneToOnes());
        Assert.Empty(NudgeCards());
    }

    private static IEnumerable<JsonElement> Actions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit")
                yield return element;
            foreach (var property in element.EnumerateObject())
                foreach (var action in Actions(property.Value))
                    yield return action;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var action in Actions(item))
                    yield return action;
        }
    }
}
