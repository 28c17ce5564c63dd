using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Nudges;

/// <summary>A champion marked as left tells the account owner; a removal tells the relationship owner; never the one who acted.</summary>
public sealed class NudgeEventsTests
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private static readonly UserRef Owner = new("U1", "Olivia Owner");
    private static readonly UserRef Rep = new("U2", "Ray Rep");
    private static readonly UserRef Other = new("U3", "Oscar Other");
    private static readonly DateTimeOffset At = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Detect_ChampionMarkedLeftBySomeoneElse_OneNudgeToTheMapOwner()
    {
        var jane = new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", Roles = Role.Champion };
        var before = Map(jane);
        var after = before with { Stakeholders = [jane with { Status = StakeholderStatus.LeftCompany }] };

        var nudge = Assert.Single(NudgeEvents.Detect(before, after, new Stamp(At, Other)));

        Assert.Equal(NudgeOccasion.ChampionLeft, nudge.Nudge.Occasion);
        Assert.Equal(Owner, nudge.Recipient);
        Assert.Equal("Jane Doe, a champion on Acme, was marked as having left.", nudge.Nudge.Title);
        Assert.Equal("map Acme", nudge.Nudge.OpenCommand);
        Assert.Empty(NudgeEvents.Detect(before, after, new Stamp(At, Owner)));
        Assert.Empty(NudgeEvents.Detect(after, after, new Stamp(At, Other)));
    }

    [Fact]
    public void Detect_NonChampionLeaving_IsNoOccasion()
    {
        var jane = new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", Roles = Role.Signer };
        var before = Map(jane);

        Assert.Empty(NudgeEvents.Detect(before, before with { Stakeholders = [jane with { Status = StakeholderStatus.LeftCompany }] }, new Stamp(At, Other)));
    }

    [Fact]
    public void Detect_RemovedBySomeoneElse_NudgesTheRelationshipOwner_ButNotWhenTheyRemovedItThemselves()
    {
        var jane = new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", RelationshipOwner = Rep };
        var before = Map(jane);
        var after = before with { Stakeholders = [] };

        var nudge = Assert.Single(NudgeEvents.Detect(before, after, new Stamp(At, Other)));
        Assert.Equal(NudgeOccasion.StakeholderRemoved, nudge.Nudge.Occasion);
        Assert.Equal(Rep, nudge.Recipient);
        Assert.Equal("Oscar Other removed Jane Doe from Acme.", nudge.Nudge.Title);
        Assert.Equal(NudgeKeys.Event(Workspace, "U2", NudgeOccasion.StakeholderRemoved, before.Id, jane.Id, new DateOnly(2026, 3, 4)), nudge.Key);
        Assert.Empty(NudgeEvents.Detect(before, after, new Stamp(At, Rep)));
    }

    [Fact]
    public async Task RecordAsync_TwiceTheSameChange_OneOutboxEntry_AndNoneForAUserWhoTurnedNudgesOff()
    {
        var outbox = new InMemoryDigestOutbox();
        var notify = new InMemoryNotifySettingsStore();
        var events = new NudgeEvents(outbox, notify);
        var jane = new Stakeholder { Id = Guid.NewGuid(), Name = "Jane Doe", RelationshipOwner = Rep };
        var before = Map(jane);
        var after = before with { Stakeholders = [] };

        Assert.Single(await events.RecordAsync(before, after, new Stamp(At, Other), CancellationToken.None));
        Assert.Empty(await events.RecordAsync(before, after, new Stamp(At.AddMinutes(1), Other), CancellationToken.None));
        var entry = Assert.Single(await outbox.ListByStateAsync(OutboxState.Pending, CancellationToken.None));
        Assert.Equal(NudgeOccasion.StakeholderRemoved, entry.Nudge!.Nudge.Occasion);

        await notify.SaveAsync(new NotifySetting(Workspace, "U2", NotifyMode.Off), CancellationToken.None);
        Assert.Empty(await events.RecordAsync(before, after, new Stamp(At.AddDays(1), Other), CancellationToken.None));
    }

    private static AccountMap Map(params Stakeholder[] people) =>
        MapBuilder.For(Workspace).Named("Acme").OwnedBy(Owner).Build() with { Stakeholders = people };
}
