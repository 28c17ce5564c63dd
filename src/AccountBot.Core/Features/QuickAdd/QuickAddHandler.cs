using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.QuickAdd;

/// <summary>
/// <c>map Acme add Jane Doe, VP Finance, champion, power 5</c>, one person a line: adds each person, or updates the one
/// of that exact name (only the fields the line names; roles are added to theirs). Each line is all or nothing: a line
/// with a part not understood, or one the map refuses, is not saved and is named in the answer; the other lines are
/// saved together in one change. The answer is the map with an Undo button that reverts exactly this change.
/// </summary>
public sealed class QuickAddHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views, LimitsOptions limits, TimeProvider time)
    : MapCommandHandler(store), ICommandHandler<QuickAddStakeholders>
{
    public async Task<Reply> HandleAsync(QuickAddStakeholders command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
            return notFound!;

        var notSaved = new SortedDictionary<int, string>();
        var lines = new List<QuickAddLine>();
        foreach (var line in command.Lines)
        {
            if (!line.Understood)
                notSaved[line.Number] = Format(Sentences.QuickAddLineNotUnderstood, line.Number, line.Name, string.Join("; ", line.Problems));
            else if (lines.FirstOrDefault(l => NameKey.Normalize(l.Name) == NameKey.Normalize(line.Name)) is { } earlier)
                notSaved[line.Number] = Format(Sentences.QuickAddLineRepeated, line.Number, line.Name, earlier.Number);
            else
                lines.Add(line);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // A new person's id is fixed before any retry, so a change re-applied on a fresher map adds the same person.
        var newIds = lines.ToDictionary(l => l.Number, _ => Guid.NewGuid());
        var outcome = new Outcome();
        var result = lines.Count == 0
            ? null
            : await editor.EditAsync(context, map.Id, (current, stamp) => Apply(current, lines, newIds, context.User, today, stamp, outcome), null, cancellationToken);

        foreach (var (number, why) in outcome.Refused)
            notSaved[number] = why;
        var problems = string.Join(" ", notSaved.Values);
        if (result is not { Outcome: SaveOutcome.Saved, Map: { } saved })
        {
            var why = result?.Errors.Select(e => e.Message).Where(m => m.Length > 0) ?? [];
            var unchanged = outcome.Unchanged.Count > 0 ? " " + Capital(Format(Sentences.QuickAddUnchanged, Names(outcome.Unchanged))) + "." : string.Empty;
            return result?.Outcome == SaveOutcome.NotFound
                ? new NoticeView(Tone.Warning, Sentences.MapsGone, CommandText.List)
                : new NoticeView(Tone.Warning, string.Join(" ", [Sentences.QuickAddNothingSaved, .. why, problems]).Trim() + unchanged, CommandText.Map(map.Name).Add("Jane Doe, VP Finance, champion, power 5 interest 4"));
        }

        var parts = new List<string>();
        if (outcome.Added.Count > 0)
            parts.Add(Format(Sentences.QuickAddAdded, Names(outcome.Added)));
        if (outcome.Updated.Count > 0)
            parts.Add(Format(Sentences.QuickAddUpdated, Names(outcome.Updated)));
        if (outcome.Unchanged.Count > 0)
            parts.Add(Format(Sentences.QuickAddUnchanged, Names(outcome.Unchanged)));
        var notice = Format(Sentences.QuickAddSaved, context.User.Name, string.Join("; ", parts));
        if (problems.Length > 0)
            notice += " " + problems;

        var undo = CommandText.Map(saved.Name).Undo(new UndoCode(saved.Id, outcome.Steps).Encode());
        if (undo.Length > CommandParser.MaxInputLength)
        {
            notice += " " + Sentences.QuickAddNoUndo;
            undo = null;
        }

        return views.Build(saved, notice) with { Visibility = ReplyVisibility.Channel, UndoCommand = undo };
    }

    private MapWrite Apply(AccountMap map, List<QuickAddLine> lines, Dictionary<int, Guid> newIds, UserRef user, DateOnly today, Stamp stamp, Outcome outcome)
    {
        outcome.Clear();
        var current = map;
        var fields = new List<FieldChange>();
        foreach (var line in lines)
        {
            var existing = current.Stakeholders.FirstOrDefault(s => NameKey.Normalize(s.Name) == NameKey.Normalize(line.Name));
            var before = existing ?? new Stakeholder { Id = newIds[line.Number], Name = line.Name };
            var person = Fill(before, line, user, today);
            if (existing is not null && person == existing)
            {
                outcome.Unchanged.Add(existing.Name);
                continue;
            }

            try
            {
                var change = existing is null ? current.AddStakeholder(person, stamp, limits.PeoplePerMap) : current.UpdateStakeholder(person, stamp);
                var after = change.Map.FindById(person.Id)!;
                current = change.Map;
                fields.AddRange(change.History.Fields);
                (existing is null ? outcome.Added : outcome.Updated).Add(after.Name);
                outcome.Steps.Add(new UndoStep(after.Id, after.Name, UndoCode.Fingerprint(after), existing, existing is null ? QuickFields.None : Changed(existing, after)));
            }
            catch (DomainRuleException rule)
            {
                outcome.Refused.Add((line.Number, Format(Sentences.QuickAddLineRefused, line.Number, line.Name, string.Join(" ", rule.Errors.Select(e => e.Message)))));
            }
        }

        if (fields.Count == 0)
            // Nothing to write: refused as a whole, so the editor stores nothing (the reasons are in the outcome).
            throw new DomainRuleException(StakeholderFields.General, string.Empty);

        var summary = Format(Sentences.QuickAddSummary, string.Join("; ", new[] { (Sentences.QuickAddSummaryAdded, outcome.Added), (Sentences.QuickAddSummaryUpdated, outcome.Updated) }
            .Where(p => p.Item2.Count > 0).Select(p => Format(p.Item1, string.Join(", ", p.Item2)))));
        return MapWrite.Of(current, stamp, summary, fields);
    }

    private static Stakeholder Fill(Stakeholder person, QuickAddLine line, UserRef user, DateOnly today) => person with
    {
        Title = line.Title ?? person.Title,
        Roles = person.Roles | line.Roles,
        Power = line.Power ?? person.Power,
        Interest = line.Interest ?? person.Interest,
        RelationshipOwner = line.OwnerIsMe ? user : line.Owner ?? person.RelationshipOwner,
        NextStep = line.NextStep ?? person.NextStep,
        // A new next step without a date clears the old step's date: the date belonged to the old step.
        NextStepDue = line.NextStep is null ? person.NextStepDue : line.Due?.Resolve(today),
    };

    private static QuickFields Changed(Stakeholder before, Stakeholder after)
    {
        var changed = QuickFields.None;
        if (before.Title != after.Title) changed |= QuickFields.Title;
        if (before.Roles != after.Roles) changed |= QuickFields.Roles;
        if (before.Power != after.Power) changed |= QuickFields.Power;
        if (before.Interest != after.Interest) changed |= QuickFields.Interest;
        if (before.RelationshipOwner != after.RelationshipOwner) changed |= QuickFields.Owner;
        if (before.NextStep != after.NextStep) changed |= QuickFields.NextStep;
        if (before.NextStepDue != after.NextStepDue) changed |= QuickFields.NextStepDue;
        return changed;
    }

    private static string Names(List<string> names) => string.Join(", ", names);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    /// <summary>What the last attempt of the change did (cleared when the editor re-applies it on a fresher map).</summary>
    private sealed class Outcome
    {
        public List<string> Added { get; } = [];
        public List<string> Updated { get; } = [];
        public List<string> Unchanged { get; } = [];
        public List<(int Number, string Why)> Refused { get; } = [];
        public List<UndoStep> Steps { get; } = [];

        public void Clear()
        {
            Added.Clear();
            Updated.Clear();
            Unchanged.Clear();
            Refused.Clear();
            Steps.Clear();
        }
    }
}
