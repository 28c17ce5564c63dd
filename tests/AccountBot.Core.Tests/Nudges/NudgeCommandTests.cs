using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Nudges;

/// <summary><c>map notify</c>, the Snooze button's <c>postpone</c>, and a removal that owes its owner a nudge, through the dispatcher.</summary>
public sealed class NudgeCommandTests : IDisposable
{
    private static readonly UserRef Bo = new("U2", "Bo Seller");
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("map notify on", NotifyMode.Daily)]
    [InlineData("map notify daily", NotifyMode.Daily)]
    [InlineData("map notify weekly", NotifyMode.Weekly)]
    [InlineData("map notify OFF", NotifyMode.Off)]
    public void Parse_Notify_Modes(string text, NotifyMode mode) =>
        Assert.Equal(new NotifyCommand(mode), CommandParser.Parse(text));

    [Fact]
    public void Parse_NotifyWithAnotherWord_FailsWithUsage()
    {
        var parsed = Assert.IsType<InvalidCommand>(CommandParser.Parse("map notify sometimes"));

        Assert.Equal("Say `map notify on`, `off`, `daily` or `weekly`.", parsed.Error);
    }

    [Fact]
    public void Parse_Postpone_TheButtonsTextParsesBack()
    {
        var text = CommandText.Map("Acme Corp").Postpone("Jane Doe", "week");

        Assert.Equal(new PostponeStep("Acme Corp", new PersonRef("Jane Doe"), 7), CommandParser.Parse(text));
        Assert.IsType<InvalidCommand>(CommandParser.Parse("map Acme postpone \"Jane Doe\" sometime"));
    }

    [Fact]
    public async Task Notify_SavedPerUserAndWorkspace_AndShown()
    {
        Assert.Equal("Direct messages about your next steps: daily. Change with `map notify on|off|daily|weekly`.", Notice(await harness.SendAsync("map notify")).Text);

        Assert.Equal("Direct messages about your next steps are now weekly.", Notice(await harness.SendAsync("map notify weekly")).Text);

        var stored = await harness.NotifySettings.GetAsync(CoreHarness.WorkspaceA, "U1", CancellationToken.None);
        Assert.Equal(NotifyMode.Weekly, stored!.Mode);
        Assert.Null(await harness.NotifySettings.GetAsync(CoreHarness.WorkspaceB, "U1", CancellationToken.None));
        var elsewhere = harness.Context with { Workspace = CoreHarness.WorkspaceB };
        Assert.Contains(": daily.", Notice(await harness.SendAsync("map notify", elsewhere)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postpone_MovesTheDueDate_AndTheHistoryRecordsIt()
    {
        await harness.SendAsync("map Acme create");
        await harness.SendAsync("map Acme add Jane Doe, VP, owner me, next demo by friday");

        var reply = Assert.IsType<MapView>(await harness.SendAsync("map Acme postpone \"Jane Doe\" day"));
        Assert.Equal("Ana Rep moved the next step for Jane Doe to 2026-03-07.", reply.Notice);
        Assert.Equal(new DateOnly(2026, 3, 7), (await JaneAsync()).NextStepDue);

        harness.Time.Advance(TimeSpan.FromDays(10));
        await harness.SendAsync("map Acme postpone \"Jane Doe\" week");
        Assert.Equal(new DateOnly(2026, 3, 19), (await JaneAsync()).NextStepDue);

        var map = (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!;
        var history = await harness.Store.GetHistoryAsync(CoreHarness.WorkspaceA, map.Id, 10, CancellationToken.None);
        Assert.Contains(history, h => h.Fields.Any(f => f is { Field: "Jane Doe: next step due", Old: "2026-03-07", New: "2026-03-19" }));
    }

    [Fact]
    public async Task Postpone_NoNextStep_SaysSo_AndSavesNothing()
    {
        await harness.SendAsync("map Acme create");
        await harness.SendAsync("map Acme add Jane Doe, VP");

        Assert.Equal("Jane Doe has no next step to snooze.", Notice(await harness.SendAsync("map Acme postpone \"Jane Doe\" day")).Text);
    }

    [Fact]
    public async Task Remove_BySomeoneElse_PlansOneNudgeForTheRelationshipOwner()
    {
        var bo = harness.Context with { User = Bo };
        await harness.SendAsync("map Acme create");
        await harness.SendAsync("map Acme add Jane Doe, VP, owner me", bo);

        await harness.SendAsync("map Acme confirm-remove Jane Doe");

        var entry = Assert.Single(await harness.Outbox.ListByStateAsync(OutboxState.Pending, CancellationToken.None));
        Assert.Equal(Bo, entry.Nudge!.Recipient);
        Assert.Equal("Ana Rep removed Jane Doe from Acme.", entry.Nudge.Nudge.Title);
        Assert.True(NudgeKeys.IsNudge(entry.Key));
    }

    private static NoticeView Notice(Reply reply) => Assert.IsType<NoticeView>(reply);

    private async Task<Stakeholder> JaneAsync() =>
        (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Acme", CancellationToken.None))!.Stakeholders.Single(s => s.Name == "Jane Doe");
}
