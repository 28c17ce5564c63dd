using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.People;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary>
/// The stakeholder form: <c>map Acme add [name]</c> and <c>map Acme edit &lt;person&gt;</c> open it;
/// <see cref="SubmitAsync"/> validates and applies a submission once, or returns the form with the
/// errors next to their fields and every value as typed; its outcome says whether this submission saved (announce it),
/// repeated an earlier one (stay silent) or was invalid.
/// </summary>
public sealed class StakeholderFormHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views, LimitsOptions limits)
    : MapCommandHandler(store), ICommandHandler<AddStakeholder>, ICommandHandler<EditStakeholder>
{
    public async Task<Reply> HandleAsync(AddStakeholder command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        return map is null ? notFound! : Form(FormMode.Add, map, null, StakeholderFormReader.ForNew(command.Name), new Dictionary<string, string>());
    }

    public async Task<Reply> HandleAsync(EditStakeholder command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var match = PersonMatcher.Match(map, command.Person);
        if (match.Person is not { } person)
        {
            return PersonReplies.NotUnique(map, command.Person, match, p => CommandText.Map(map.Name).Edit(p));
        }

        return Form(FormMode.Edit, map, person.Id, StakeholderFormReader.From(person, map), new Dictionary<string, string>());
    }

    public async Task<SaveReply> SubmitAsync(StakeholderSubmission submission, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(context);
        var map = await Store.GetAsync(context.Workspace, submission.MapId, cancellationToken);
        if (map is null)
        {
            return new SaveReply(SaveOutcome.NotFound, MapGone());
        }

        var mode = submission.StakeholderId is null ? FormMode.Add : FormMode.Edit;
        var submissionId = string.IsNullOrWhiteSpace(submission.SubmissionId) ? null : submission.SubmissionId.Trim();
        Stakeholder basis;
        if (submission.StakeholderId is { } editedId)
        {
            if (map.FindById(editedId) is not { } existing)
            {
                return new SaveReply(SaveOutcome.NotFound, PersonGone(map));
            }

            basis = existing;
        }
        else
        {
            // The new person's id is fixed before any retry so a re-applied change adds the same person.
            basis = new Stakeholder { Id = Guid.NewGuid(), Name = string.Empty };
        }

        if (submission.OnlyShortFields)
        {
            submission = submission with { Values = StakeholderFormReader.WithShortFieldsFrom(Kept(map, submission.StakeholderId is null ? null : basis), submission.Values) };
        }

        var (person, relationship, fieldErrors) = StakeholderFormReader.Read(submission.Values, basis);
        if (fieldErrors.Count > 0)
        {
            return new SaveReply(SaveOutcome.Invalid, Rejected(mode, map, submission, fieldErrors));
        }

        var result = await editor.EditAsync(
            context,
            map.Id,
            (current, stamp) => WithSource(Apply(current, mode, person, relationship, stamp, limits.PeoplePerMap), submission.Source),
            submissionId,
            cancellationToken);

        if (result.Outcome == SaveOutcome.Invalid)
        {
            return new SaveReply(SaveOutcome.Invalid, Rejected(mode, result.Map ?? map, submission, result.Errors));
        }

        var saved = mode == FormMode.Add ? Sentences.StakeholdersAdded : Sentences.StakeholdersUpdated;
        return SaveReply.From(result, views, string.Format(CultureInfo.CurrentCulture, saved, context.User.Name, person.Name));
    }

    /// <summary>
    /// "More details" on a short form: the whole form, with what was typed in the short one and every other field as
    /// stored (or a new person's defaults), under the same submission id.
    /// </summary>
    public async Task<Reply> ExpandAsync(StakeholderSubmission draft, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var map = await Store.GetAsync(context.Workspace, draft.MapId, cancellationToken);
        if (map is null)
        {
            return MapGone();
        }

        Stakeholder? existing = null;
        if (draft.StakeholderId is { } editedId && (existing = map.FindById(editedId)) is null)
        {
            return PersonGone(map);
        }

        var values = draft.OnlyShortFields ? StakeholderFormReader.WithShortFieldsFrom(Kept(map, existing), draft.Values) : draft.Values;
        var mode = existing is null ? FormMode.Add : FormMode.Edit;
        return Form(mode, map, draft.StakeholderId, values, new Dictionary<string, string>(), draft.SubmissionId) with { Expanded = true };
    }

    /// <summary>What the fields a short form did not show hold: the stored person's values, or a new person's defaults.</summary>
    private static StakeholderFormValues Kept(AccountMap map, Stakeholder? existing) =>
        existing is null ? StakeholderFormReader.ForNew(null) : StakeholderFormReader.From(existing, map);

    private static NoticeView MapGone() => new(Tone.Warning, Sentences.StakeholdersMapGone, CommandText.List);

    private static NoticeView PersonGone(AccountMap map) =>
        new(Tone.Warning, Sentences.StakeholdersPersonGone, CommandText.Map(map.Name).Open);

    /// <summary>The message a form was opened from, kept in the save's history entry beside the fields it set.</summary>
    private static MapWrite WithSource(MapWrite change, string? source) =>
        string.IsNullOrWhiteSpace(source) || change.History.Fields.Count == 0
            ? change
            : change with { History = change.History with { Fields = [.. change.History.Fields, new FieldChange(SourceField, null, source)] } };

    /// <summary>The history field naming the message a person was added or edited from.</summary>
    public const string SourceField = "source";

    /// <summary>A new person's form on <paramref name="map"/> with <paramref name="values"/> filled in, every field shown (capture from a message).</summary>
    public StakeholderFormView NewForm(AccountMap map, StakeholderFormValues values)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Form(FormMode.Add, map, null, values, new Dictionary<string, string>()) with { Expanded = true };
    }

    private static MapWrite Apply(AccountMap map, FormMode mode, Stakeholder person, RelationshipDraft? relationship, Stamp stamp, int peopleLimit)
    {
        var change = mode == FormMode.Add ? map.AddStakeholder(person, stamp, peopleLimit) : map.UpdateStakeholder(person, stamp);
        if (relationship is null)
        {
            return change;
        }

        var linked = change.Map.AddRelationship(person.Id, relationship.ToId, relationship.Kind, relationship.Note, stamp);
        return MapWrite.Of(linked.Map, stamp, change.History.Summary, [.. change.History.Fields, .. linked.History.Fields]);
    }

    private StakeholderFormView Rejected(FormMode mode, AccountMap map, StakeholderSubmission submission, IReadOnlyList<ValidationError> errors)
    {
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            byField[error.Field] = byField.TryGetValue(error.Field, out var earlier) ? $"{earlier} {error.Message}" : error.Message;
        }

        return Form(mode, map, submission.StakeholderId, submission.Values, byField, submission.SubmissionId);
    }

    private StakeholderFormView Form(
        FormMode mode, AccountMap map, Guid? stakeholderId, StakeholderFormValues values,
        IReadOnlyDictionary<string, string> errors, string? submissionId = null)
    {
        var people = map.Stakeholders
            .Where(s => s.Id != stakeholderId)
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new PersonOption(s.Id, s.Name))
            .ToList();
        return new StakeholderFormView(
            mode, map.Id, map.Name, stakeholderId,
            string.IsNullOrWhiteSpace(submissionId) ? Guid.NewGuid().ToString("N") : submissionId,
            values, errors, people);
    }

    /// <summary>The map card a form leads back to (used by renderers after a cancel).</summary>
    public MapView MapCard(AccountMap map) => views.Build(map);
}
