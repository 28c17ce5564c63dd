using AccountBot.Core.Reminders;
using Microsoft.Extensions.Time.Testing;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders;

/// <summary>
/// The planner's rule that rounds 3 and 4 of mutation testing (issue #18) could not reach: a schedule with no
/// occurrence at or before now (a cron date that never comes, such as 30 February) plans and settles nothing,
/// and has no next occurrence either.
/// </summary>
public sealed class ReminderPlannerRound5MutationTests
{
    [Fact]
    public void Plan_ScheduleThatNeverOccurs_NothingPlannedOrSettled()
    {
        var now = Monday0900.AddMinutes(1);
        var planner = Planner(new FakeTimeProvider(now), new ReminderOptions { Schedule = "0 9 30 2 *" });

        var plan = planner.Plan(Workspace, [Map("Acme", now, Deals), Covered("Fine Co", now, Emea)], [], _ => false);

        Assert.Empty(plan.Digests);
        Assert.Empty(plan.Settled);
        Assert.Null(plan.NextOccurrence);
    }
}
