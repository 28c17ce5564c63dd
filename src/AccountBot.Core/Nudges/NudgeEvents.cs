using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Text;

namespace AccountBot.Core.Nudges;

/// <summary>
/// The event nudges of one saved change: a champion marked as left tells the account's owner, a stakeholder removed
/// tells whoever owned that relationship; never the person who made the change, never someone who turned nudges off.
/// They are added to the outbox as pending under their key (workspace, recipient, occasion with map and person, date),
/// so a retried save adds nothing and the reminder runner sends each once.
/// </summary>
public sealed class NudgeEvents(IDigestOutbox outbox, INotifySettingsStore notify) : IMapSavedObserver
{
    /// <summary>What <paramref name="after"/> changed that someone should hear about. Pure.</summary>
    public static IReadOnlyList<PlannedNudge> Detect(AccountMap before, AccountMap after, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(stamp);
        var date = DateOnly.FromDateTime(stamp.At.UtcDateTime);
        var nudges = new List<PlannedNudge>();
        foreach (var person in before.Stakeholders)
        {
            var now = after.FindById(person.Id);
            if (now is null && person.RelationshipOwner is { } owner && owner.Id != stamp.By.Id)
            {
                var key = NudgeKeys.Event(after.Workspace, owner.Id, NudgeOccasion.StakeholderRemoved, after.Id, person.Id, date);
                var title = NudgePlanner.Format(Sentences.NudgeRemovedTitle, stamp.By.Name, person.Name, after.Name);
                nudges.Add(new PlannedNudge(key, new Nudge(NudgeOccasion.StakeholderRemoved, owner, title, [Sentences.NudgeRemovedLine], [], after.Name)));
            }
            else if (now is { Status: StakeholderStatus.LeftCompany } && person.Status != StakeholderStatus.LeftCompany
                && now.Has(Role.Champion) && after.Owner.Id != stamp.By.Id)
            {
                var key = NudgeKeys.Event(after.Workspace, after.Owner.Id, NudgeOccasion.ChampionLeft, after.Id, person.Id, date);
                var title = NudgePlanner.Format(Sentences.NudgeChampionLeftTitle, now.Name, after.Name);
                var line = NudgePlanner.Format(Sentences.NudgeChampionLeftLine, stamp.By.Name, after.Name);
                nudges.Add(new PlannedNudge(key, new Nudge(NudgeOccasion.ChampionLeft, after.Owner, title, [line], [], after.Name)));
            }
        }

        return nudges;
    }

    public Task OnSavedAsync(AccountMap before, AccountMap after, Stamp stamp, CancellationToken cancellationToken) =>
        RecordAsync(before, after, stamp, cancellationToken);

    /// <summary>Adds the change's nudges to the outbox (a key already there adds nothing); returns those added.</summary>
    public async Task<IReadOnlyList<PlannedNudge>> RecordAsync(AccountMap before, AccountMap after, Stamp stamp, CancellationToken cancellationToken)
    {
        var added = new List<PlannedNudge>();
        foreach (var nudge in Detect(before, after, stamp))
        {
            var setting = await notify.GetAsync(nudge.Workspace, nudge.Recipient.Id, cancellationToken).ConfigureAwait(false);
            if (setting?.Mode == NotifyMode.Off)
            {
                continue;
            }

            var entry = new OutboxEntry
            {
                Key = nudge.Key,
                State = OutboxState.Pending,
                Nudge = nudge,
                CreatedAt = stamp.At,
                UpdatedAt = stamp.At,
                NextAttemptAt = stamp.At,
            };
            if (await outbox.TryAddAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                added.Add(nudge);
            }
        }

        return added;
    }
}
