using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Forms;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary>Turns form text into a stakeholder (collecting every field error) and back.</summary>
public static class StakeholderFormReader
{
    public const string DateFormat = "yyyy-MM-dd";

    public static StakeholderFormValues From(Stakeholder person, AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(map);
        var relationship = map.Relationships.FirstOrDefault(r => r.FromId == person.Id);
        return new StakeholderFormValues
        {
            Name = person.Name,
            Title = person.Title,
            Department = person.Department,
            Email = person.Email,
            ProfileUrl = person.ProfileUrl,
            ReportsToId = person.ReportsToId?.ToString(),
            Roles = person.Roles == Role.None ? null : string.Join(',', Roles.Split(person.Roles)),
            Power = person.Power.ToString(CultureInfo.InvariantCulture),
            Interest = person.Interest.ToString(CultureInfo.InvariantCulture),
            Stance = person.Stance.ToString(),
            Raci = person.Raci.ToString(),
            OwnerId = person.RelationshipOwner?.Id,
            OwnerName = person.RelationshipOwner?.Name,
            Strength = person.Strength.ToString(),
            LastContacted = StakeholderText.Date(person.LastContacted),
            NextStep = person.NextStep,
            NextStepDue = StakeholderText.Date(person.NextStepDue),
            Notes = person.Notes,
            CaresAbout = person.CaresAbout,
            Plan = person.Plan,
            Status = person.Status.ToString(),
            RelatedToId = relationship?.ToId.ToString(),
            RelationshipKind = relationship?.Kind.ToString(),
            RelationshipNote = relationship?.Note,
        };
    }

    /// <summary>A new person's form: defaults, and the name when the command gave one.</summary>
    public static StakeholderFormValues ForNew(string? name) => new()
    {
        Name = name,
        Power = "3",
        Interest = "3",
        Stance = nameof(Stance.Neutral),
        Raci = nameof(Raci.None),
        Strength = nameof(RelationshipStrength.None),
        Status = nameof(StakeholderStatus.Active),
    };

    /// <summary>
    /// The short form's values from <paramref name="submitted"/> and every other field's from <paramref name="kept"/>
    /// (what is stored, or a new person's defaults): a form that did not show a field does not change it.
    /// </summary>
    public static StakeholderFormValues WithShortFieldsFrom(StakeholderFormValues kept, StakeholderFormValues submitted)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(submitted);
        var schema = StakeholderFormSchema.Schema;
        string? Pick(string field, string? typed, string? stored) => schema[field].Short ? typed : stored;
        var owner = schema[StakeholderFields.RelationshipOwner].Short;
        return kept with
        {
            Name = Pick(StakeholderFields.Name, submitted.Name, kept.Name),
            Title = Pick(StakeholderFields.Title, submitted.Title, kept.Title),
            Department = Pick(StakeholderFields.Department, submitted.Department, kept.Department),
            Email = Pick(StakeholderFields.Email, submitted.Email, kept.Email),
            ProfileUrl = Pick(StakeholderFields.ProfileUrl, submitted.ProfileUrl, kept.ProfileUrl),
            ReportsToId = Pick(StakeholderFields.ReportsTo, submitted.ReportsToId, kept.ReportsToId),
            Roles = Pick(StakeholderFields.Roles, submitted.Roles, kept.Roles),
            Power = Pick(StakeholderFields.Power, submitted.Power, kept.Power),
            Interest = Pick(StakeholderFields.Interest, submitted.Interest, kept.Interest),
            Stance = Pick(StakeholderFields.Stance, submitted.Stance, kept.Stance),
            Raci = Pick(StakeholderFields.Raci, submitted.Raci, kept.Raci),
            OwnerId = owner ? submitted.OwnerId : kept.OwnerId,
            OwnerName = owner ? submitted.OwnerName : kept.OwnerName,
            Strength = Pick(StakeholderFields.Strength, submitted.Strength, kept.Strength),
            LastContacted = Pick(StakeholderFields.LastContacted, submitted.LastContacted, kept.LastContacted),
            NextStep = Pick(StakeholderFields.NextStep, submitted.NextStep, kept.NextStep),
            NextStepDue = Pick(StakeholderFields.NextStepDue, submitted.NextStepDue, kept.NextStepDue),
            Notes = Pick(StakeholderFields.Notes, submitted.Notes, kept.Notes),
            CaresAbout = Pick(StakeholderFields.CaresAbout, submitted.CaresAbout, kept.CaresAbout),
            Plan = Pick(StakeholderFields.Plan, submitted.Plan, kept.Plan),
            Status = Pick(StakeholderFields.Status, submitted.Status, kept.Status),
            RelatedToId = Pick(StakeholderFields.RelatedTo, submitted.RelatedToId, kept.RelatedToId),
            RelationshipKind = Pick(StakeholderFields.RelationshipKind, submitted.RelationshipKind, kept.RelationshipKind),
            RelationshipNote = Pick(StakeholderFields.RelationshipNote, submitted.RelationshipNote, kept.RelationshipNote),
        };
    }

    /// <summary>
    /// A submitted form's fields (<see cref="StakeholderFormSchema"/>) as form values. The owner field holds a chat
    /// user's id or a typed name: its name is the submitter's or the owner's the form was opened with, else unknown
    /// (null: an adapter that can ask its platform for the name does; otherwise the id serves as the name).
    /// </summary>
    /// <param name="submitter">Who pressed submit.</param>
    /// <param name="openedOwner">The relationship owner the form was opened with (its name rides in the form's hidden data).</param>
    public static StakeholderFormValues FromFields(FormFields fields, UserRef submitter, UserRef? openedOwner)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(submitter);
        var owner = fields[StakeholderFields.RelationshipOwner]?.Trim();
        var ownerName = owner is null ? null
            : owner == submitter.Id ? submitter.Name
            : owner == openedOwner?.Id ? openedOwner.Name
            : null;
        return new StakeholderFormValues
        {
            Name = fields[StakeholderFields.Name],
            Title = fields[StakeholderFields.Title],
            Department = fields[StakeholderFields.Department],
            Email = fields[StakeholderFields.Email],
            ProfileUrl = fields[StakeholderFields.ProfileUrl],
            ReportsToId = fields[StakeholderFields.ReportsTo],
            Roles = fields[StakeholderFields.Roles],
            Power = fields[StakeholderFields.Power],
            Interest = fields[StakeholderFields.Interest],
            Stance = fields[StakeholderFields.Stance],
            Raci = fields[StakeholderFields.Raci],
            OwnerId = owner,
            OwnerName = ownerName,
            Strength = fields[StakeholderFields.Strength],
            LastContacted = fields[StakeholderFields.LastContacted],
            NextStep = fields[StakeholderFields.NextStep],
            NextStepDue = fields[StakeholderFields.NextStepDue],
            Notes = fields[StakeholderFields.Notes],
            CaresAbout = fields[StakeholderFields.CaresAbout],
            Plan = fields[StakeholderFields.Plan],
            Status = fields[StakeholderFields.Status],
            RelatedToId = fields[StakeholderFields.RelatedTo],
            RelationshipKind = fields[StakeholderFields.RelationshipKind],
            RelationshipNote = fields[StakeholderFields.RelationshipNote],
        };
    }

    /// <summary>
    /// Reads the values onto <paramref name="basis"/> (a new person with only an id, or the person
    /// being edited). Field-shape errors are returned; the map's rules are checked when applied.
    /// </summary>
    public static (Stakeholder Person, RelationshipDraft? Relationship, IReadOnlyList<ValidationError> Errors) Read(
        StakeholderFormValues values, Stakeholder basis)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(basis);
        var errors = new List<ValidationError>();
        var person = basis with
        {
            Name = values.Name?.Trim() ?? string.Empty,
            Title = values.Title,
            Department = values.Department,
            Email = values.Email?.Trim(),
            ProfileUrl = values.ProfileUrl?.Trim(),
            ReportsToId = ReadId(values.ReportsToId, StakeholderFields.ReportsTo, Sentences.FieldReportsTo, errors),
            Roles = ReadRoles(values.Roles, errors),
            Power = ReadScore(values.Power, StakeholderFields.Power, Sentences.FieldPower, basis.Power, errors),
            Interest = ReadScore(values.Interest, StakeholderFields.Interest, Sentences.FieldInterest, basis.Interest, errors),
            Stance = ReadEnum(values.Stance, StakeholderFields.Stance, Sentences.FieldStance, basis.Stance, errors),
            Raci = ReadEnum(values.Raci, StakeholderFields.Raci, Sentences.FieldRaci, basis.Raci, errors),
            RelationshipOwner = string.IsNullOrWhiteSpace(values.OwnerId)
                ? null
                : new UserRef(values.OwnerId.Trim(), string.IsNullOrWhiteSpace(values.OwnerName) ? values.OwnerId.Trim() : values.OwnerName.Trim()),
            Strength = ReadEnum(values.Strength, StakeholderFields.Strength, Sentences.FieldStrength, basis.Strength, errors),
            LastContacted = ReadDate(values.LastContacted, StakeholderFields.LastContacted, Sentences.FieldLastContacted, errors),
            NextStep = values.NextStep,
            NextStepDue = ReadDate(values.NextStepDue, StakeholderFields.NextStepDue, Sentences.FieldDueDate, errors),
            Notes = values.Notes,
            CaresAbout = values.CaresAbout,
            Plan = values.Plan,
            Status = ReadEnum(values.Status, StakeholderFields.Status, Sentences.FieldStatus, basis.Status, errors),
        };

        RelationshipDraft? relationship = null;
        var relatedTo = ReadId(values.RelatedToId, StakeholderFields.RelatedTo, Sentences.FieldRelatedTo, errors);
        if (relatedTo is { } other)
        {
            var kind = ReadEnum(values.RelationshipKind, StakeholderFields.RelationshipKind, Sentences.FieldRelationship, RelationshipKind.Influences, errors);
            relationship = new RelationshipDraft(other, kind, values.RelationshipNote);
        }

        return (person, relationship, errors);
    }

    private static Guid? ReadId(string? text, string field, string label, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        errors.Add(new(field, Say.Format(Sentences.FormPickFromList, label)));
        return null;
    }

    private static Role ReadRoles(string? text, List<ValidationError> errors)
    {
        var roles = Role.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return roles;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<Role>(part, ignoreCase: true, out var role) && Roles.All.Contains(role)
                && !int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                roles |= role;
            }
            else if (Commands.RoleWords.TryParse(part, out var word))
            {
                roles |= word;
            }
            else
            {
                errors.Add(new(StakeholderFields.Roles, Say.Format(Sentences.FormNotARole, Shorten(part))));
            }
        }

        return roles;
    }

    private static int ReadScore(string? text, string field, string label, int fallback, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value is >= Limits.MinScore and <= Limits.MaxScore)
        {
            return (int)value;
        }

        errors.Add(new(field, Say.Format(Sentences.FormWholeNumber, label, Limits.MinScore, Limits.MaxScore)));
        return fallback;
    }

    private static T ReadEnum<T>(string? text, string field, string label, T fallback, List<ValidationError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var normal = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<T>(normal, ignoreCase: true, out var value) && Enum.IsDefined(value)
            && !int.TryParse(normal, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        errors.Add(new(field, Say.Format(Sentences.FormOneOf, label, string.Join(", ", Enum.GetNames<T>()))));
        return fallback;
    }

    private static DateOnly? ReadDate(string? text, string field, string label, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, Say.Format(Sentences.FormDateLike, label)));
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
