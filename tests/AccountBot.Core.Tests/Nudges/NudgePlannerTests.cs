using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Nudges;

/// <summary>The due-steps nudge: once per person and day, in their zone, at the reminder time; weekly and off honoured.</summary>
public sealed class NudgePlannerTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private static readonly WorkspaceKey Other = WorkspaceKey.ForSlack(null, "T2");
    private static readonly UserRef Ana = new("U1", "Ana Rep");
    private static readonly UserRef Bo = new("U2", "Bo Seller");

    /// <summary>Wednesday 4 March 2026, 10:00 UTC.</summary>
    private static readonly DateTimeOffset Wednesday1000 = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 4);

    private readonly ReminderOptions _reminders = new();

    private NudgePlanner Planner => new(_reminders, new FakeTimeProvider(Wednesday1000));

    [Fact]
    public void Plan_StepsDueTodayAndOverdue_OneNudgePerOwnerListingTheirs()
    {
        var acme = Map("Acme", Workspace,
            Step("Jane Doe", Ana, "send the proposal", Today),
            Step("Raj Patel", Ana, "book the demo", Today.AddDays(-3)),
            Step("Li Wei", Ana, "later", Today.AddDays(1)),
            Step("Kim Bo", Bo, "call back", Today.AddDays(-1)));

        var plan = Planner.Plan(Workspace, [acme], [], [], _ => false, Wednesday1000);

        Assert.Equal(2, plan.Count);
        var ana = Assert.Single(plan, p => p.Recipient.Id == Ana.Id);
        Assert.Equal(NudgeKeys.DueSteps(Workspace, "U1", Today), ana.Key);
        Assert.Equal(["Raj Patel", "Jane Doe"], ana.Nudge.Steps.Select(s => s.Name));
        Assert.Equal("2 of your next steps are due.", ana.Nudge.Title);
        Assert.Contains("due today", ana.Nudge.Lines[1], StringComparison.Ordinal);
        Assert.Contains("overdue", ana.Nudge.Lines[0], StringComparison.Ordinal);
        var bo = Assert.Single(plan, p => p.Recipient.Id == Bo.Id);
        Assert.Equal("Your next step on Kim Bo is due.", bo.Nudge.Title);
    }

    [Fact]
    public void Plan_ButtonsCarryTheDoneSnoozeAndOpenCommands()
    {
        var acme = Map("Acme Corp", Workspace, Step("Jane Doe", Ana, "send the proposal", Today));

        var step = Assert.Single(Assert.Single(Planner.Plan(Workspace, [acme], [], [], _ => false, Wednesday1000)).Nudge.Steps);

        Assert.Equal($"map Acme Corp done id:{step.StakeholderId:N}", step.DoneCommand);
        Assert.Equal($"map Acme Corp postpone \"id:{step.StakeholderId:N}\" day", step.SnoozeCommand);
        Assert.Equal(step.StakeholderId, Assert.IsType<MarkStepDone>(CommandParser.Parse(step.DoneCommand)).Person.Id);
        var postpone = Assert.IsType<PostponeStep>(CommandParser.Parse(step.SnoozeCommand));
        Assert.Equal((step.StakeholderId, 1), (postpone.Person.Id, postpone.Days));
        Assert.Equal("map Acme Corp", step.OpenCommand);
    }

    [Fact]
    public void Plan_KeyAlreadyDone_NothingAgainThatDay_ButTheNextDay()
    {
        var acme = Map("Acme", Workspace, Step("Jane Doe", Ana, "send the proposal", Today));
        var done = new HashSet<DigestKey>();
        var first = Planner.Plan(Workspace, [acme], [], [], done.Contains, Wednesday1000);
        done.Add(Assert.Single(first).Key);

        Assert.Empty(Planner.Plan(Workspace, [acme], [], [], done.Contains, Wednesday1000.AddHours(5)));
        var tomorrow = Assert.Single(Planner.Plan(Workspace, [acme], [], [], done.Contains, Wednesday1000.AddDays(1)));
        Assert.Equal(NudgeKeys.DueSteps(Workspace, "U1", Today.AddDays(1)), tomorrow.Key);
    }

    [Fact]
    public void Plan_BeforeTheReminderTimeInTheChannelsZone_Waits_ThenTheLocalDateIsTheKey()
    {
        // 10:00 UTC is 05:00 in New York: before the 09:00 reminder time there; 01:00 UTC on Thursday is 10:00 Thursday in Tokyo.
        var acme = Map("Acme", Workspace, Step("Jane Doe", Ana, "send the proposal", Today.AddDays(-1))) with { LinkedChannels = [new ChannelRef("C1", "deals")] };
        var newYork = new ChannelSettings { Workspace = Workspace, ChannelId = "C1", TimeZone = "America/New_York" };

        Assert.Empty(Planner.Plan(Workspace, [acme], [newYork], [], _ => false, Wednesday1000));
        var at = Assert.Single(Planner.Plan(Workspace, [acme], [newYork], [], _ => false, Wednesday1000.AddHours(4)));
        Assert.Equal("2026-03-04", at.Key.Week);

        var tokyo = newYork with { TimeZone = "Asia/Tokyo" };
        var late = Assert.Single(Planner.Plan(Workspace, [acme], [tokyo], [], _ => false, new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-03-05", late.Key.Week);
    }

    [Fact]
    public void Plan_UsersOwnZone_WinsOverTheChannels()
    {
        var acme = Map("Acme", Workspace, Step("Jane Doe", Ana, "send the proposal", Today.AddDays(-1))) with { LinkedChannels = [new ChannelRef("C1", "deals")] };
        var tokyo = new ChannelSettings { Workspace = Workspace, ChannelId = "C1", TimeZone = "Asia/Tokyo" };
        var own = new NotifySetting(Workspace, "U1", NotifyMode.Daily, "America/New_York");

        Assert.Empty(Planner.Plan(Workspace, [acme], [tokyo], [own], _ => false, Wednesday1000));
        Assert.Single(Planner.Plan(Workspace, [acme], [tokyo], [], _ => false, Wednesday1000));
    }

    [Fact]
    public void Plan_NotifyOff_Nothing_Weekly_OnlyOnTheReminderDay()
    {
        var acme = Map("Acme", Workspace, Step("Jane Doe", Ana, "send the proposal", Today.AddDays(-1)));

        Assert.Empty(Planner.Plan(Workspace, [acme], [], [new NotifySetting(Workspace, "U1", NotifyMode.Off)], _ => false, Wednesday1000));
        var weekly = new NotifySetting(Workspace, "U1", NotifyMode.Weekly);
        Assert.Empty(Planner.Plan(Workspace, [acme], [], [weekly], _ => false, Wednesday1000));
        var monday = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-03-09", Assert.Single(Planner.Plan(Workspace, [acme], [], [weekly], _ => false, monday)).Key.Week);
    }

    [Fact]
    public void Plan_SettingsOfAnotherWorkspace_DoNotApply_AndItsMapsAreRefused()
    {
        var acme = Map("Acme", Workspace, Step("Jane Doe", Ana, "send the proposal", Today));

        Assert.Single(Planner.Plan(Workspace, [acme], [], [new NotifySetting(Other, "U1", NotifyMode.Off)], _ => false, Wednesday1000));
        Assert.Throws<ArgumentException>(() => Planner.Plan(Other, [acme], [], [], _ => false, Wednesday1000));
    }

    [Fact]
    public void Plan_PeopleWhoLeft_OrWithoutADueDateOrOwner_AreNotNudged()
    {
        var acme = Map("Acme", Workspace,
            Step("Jane Doe", Ana, "send the proposal", Today) with { Status = StakeholderStatus.LeftCompany },
            Step("Raj Patel", Ana, "book the demo", null),
            Step("Li Wei", null, "call", Today));

        Assert.Empty(Planner.Plan(Workspace, [acme], [], [], _ => false, Wednesday1000));
    }

    private static Stakeholder Step(string name, UserRef? owner, string step, DateOnly? due) =>
        new() { Id = Guid.NewGuid(), Name = name, RelationshipOwner = owner, NextStep = step, NextStepDue = due };

    private static AccountMap Map(string name, WorkspaceKey workspace, params Stakeholder[] people) =>
        MapBuilder.For(workspace).Named(name).Build() with { Stakeholders = people };
}
