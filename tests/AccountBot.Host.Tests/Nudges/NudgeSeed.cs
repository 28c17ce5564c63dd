using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;

namespace AccountBot.Host.Tests.Nudges;

/// <summary>
/// One relationship owner's due steps on Acme: Jane Doe's overdue, Raj Patel's due today; Kim Bo's (someone else's) is due later.
/// Today is the real UTC date: the hosts run on the real clock, with the reminder time at midnight UTC, so a nudge is due
/// whenever the test runs.
/// </summary>
internal static class NudgeSeed
{
    /// <summary>Due at any time of the UTC day; the scheduler off, so only the test runs the reminder runner.</summary>
    public static readonly (string Key, string? Value)[] DueAnyTime = [("Reminders:Schedule", "0 0 * * MON"), ("Reminders:TimeZone", "Etc/UTC"), ("Reminders:Enabled", "false")];

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<AccountMap> SeedAsync(IAccountMapStore store, WorkspaceKey workspace, UserRef owner)
    {
        var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-3), owner);
        var other = new UserRef("U-other", "Bo Colleague");
        var acme = AccountMap.Create(workspace, "Acme", MapKind.Sales, stamp);
        var saved = await store.SaveAsync(acme with { Map = acme.Map with
        {
            Owner = owner,
            Stakeholders =
            [
                new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", RelationshipOwner = owner, NextStep = "send pricing", NextStepDue = Today.AddDays(-2) },
                new Stakeholder { Id = Guid.NewGuid(), Name = "Raj Patel", RelationshipOwner = owner, NextStep = "book the demo", NextStepDue = Today },
                new Stakeholder { Id = Guid.NewGuid(), Name = "Kim Bo", RelationshipOwner = other, NextStep = "lunch", NextStepDue = Today.AddDays(5) },
            ],
        } }, CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return saved.Map!;
    }

    public static async Task<Stakeholder> PersonAsync(IAccountMapStore store, WorkspaceKey workspace, string name) =>
        (await store.FindByNameAsync(workspace, "Acme", CancellationToken.None))!.Stakeholders.Single(s => s.Name == name);
}
