using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.QuickAdd;

/// <summary>
/// The Undo button under a quick add (<c>map Acme undo &lt;code&gt;</c>): removes the people it added and puts back the
/// fields it changed, as one change in the map's history. All or nothing: when anyone it touched was changed or removed
/// since, nothing is undone and the answer says who. Pressing it again is answered "already undone" (the code is the
/// change's idempotency key), never applied twice.
/// </summary>
public sealed class UndoQuickAddHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views) : MapCommandHandler(store), ICommandHandler<UndoQuickAdd>
{
    public async Task<Reply> HandleAsync(UndoQuickAdd command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
            return notFound!;

        if (UndoCode.TryDecode(command.Code) is not { } code || code.MapId != map.Id)
            return new NoticeView(Tone.Warning, Sentences.UndoUnknownCode, CommandText.Map(map.Name).History);

        var names = new List<string>();
        var key = "undo:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.Code)));
        var result = await editor.EditAsync(context, map.Id, (current, stamp) => Revert(current, code, stamp, names), key, cancellationToken);
        return result.Outcome switch
        {
            SaveOutcome.Saved => views.Build(result.Map!, Format(Sentences.UndoDone, context.User.Name, string.Join(", ", names))) with { Visibility = ReplyVisibility.Channel },
            SaveOutcome.AlreadyApplied => views.Build(result.Map!, Sentences.UndoAlreadyDone),
            SaveOutcome.NotFound => new NoticeView(Tone.Warning, Sentences.MapsGone, CommandText.List),
            _ => new NoticeView(Tone.Warning, string.Join(" ", result.Errors.Select(e => e.Message)), CommandText.Map(map.Name).History),
        };
    }

    private static MapWrite Revert(AccountMap map, UndoCode code, Stamp stamp, List<string> names)
    {
        names.Clear();
        // Checked for everyone first, so that a refusal changes nobody.
        foreach (var step in code.Steps)
        {
            if (map.FindById(step.PersonId) is not { } person)
                throw new DomainRuleException(Format(Sentences.UndoRefusedGone, step.Name));
            if (UndoCode.Fingerprint(person) != step.After)
                throw new DomainRuleException(Format(Sentences.UndoRefusedChanged, person.Name));
        }

        var current = map;
        var fields = new List<FieldChange>();
        foreach (var step in code.Steps)
        {
            var person = current.FindById(step.PersonId)!;
            names.Add(person.Name);
            var change = step.Before is { } before
                ? current.UpdateStakeholder(PutBack(person, before, step.Changed), stamp)
                : current.RemoveStakeholder(person.Id, stamp);
            current = change.Map;
            fields.AddRange(change.History.Fields);
        }

        return MapWrite.Of(current, stamp, Format(Sentences.UndoSummary, string.Join(", ", names)), fields);
    }

    private static Stakeholder PutBack(Stakeholder person, Stakeholder before, QuickFields changed) => person with
    {
        Title = changed.HasFlag(QuickFields.Title) ? before.Title : person.Title,
        Roles = changed.HasFlag(QuickFields.Roles) ? before.Roles : person.Roles,
        Power = changed.HasFlag(QuickFields.Power) ? before.Power : person.Power,
        Interest = changed.HasFlag(QuickFields.Interest) ? before.Interest : person.Interest,
        RelationshipOwner = changed.HasFlag(QuickFields.Owner) ? before.RelationshipOwner : person.RelationshipOwner,
        NextStep = changed.HasFlag(QuickFields.NextStep) ? before.NextStep : person.NextStep,
        NextStepDue = changed.HasFlag(QuickFields.NextStepDue) ? before.NextStepDue : person.NextStepDue,
    };

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
