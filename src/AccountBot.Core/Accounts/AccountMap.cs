using System.Globalization;
using AccountBot.Core.Text;

namespace AccountBot.Core.Accounts;

/// <summary>
/// One account's map in one workspace. Immutable: every change method checks the rules and returns
/// a <see cref="MapWrite"/> holding the new map and its history entry, so a change can be retried
/// on fresh state when a concurrent edit wins (optimistic concurrency on <see cref="Version"/>).
/// </summary>
public sealed partial record AccountMap
{
    public required Guid Id { get; init; }
    public required WorkspaceKey Workspace { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Domain { get; init; }
    public MapKind Kind { get; init; }
    public required UserRef Owner { get; init; }
    public IReadOnlyList<ChannelRef> LinkedChannels { get; init; } = [];
    public required Stamp Created { get; init; }
    public required Stamp Updated { get; init; }
    public Stamp? LastReviewed { get; init; }

    /// <summary>Persisted version; the store increments it on each save and rejects stale writes.</summary>
    public int Version { get; init; }

    /// <summary>
    /// Carried in every picture and export link; a link of an older epoch is refused, so raising it
    /// (<see cref="ResetLinks"/>) revokes every link handed out so far.
    /// </summary>
    public int LinkEpoch { get; init; }

    /// <summary>Private: seen only in its linked channels and by its owner (see <see cref="IsVisibleTo"/>).</summary>
    public MapVisibility Visibility { get; init; }

    public IReadOnlyList<Stakeholder> Stakeholders { get; init; } = [];
    public IReadOnlyList<Relationship> Relationships { get; init; } = [];

    /// <summary>The normalised lookup key of <see cref="Name"/>.</summary>
    public string Key => NameKey.Normalize(Name);

    /// <summary>The last time someone looked at or changed the map: what "stale" is measured from.</summary>
    public DateTimeOffset LastActivity =>
        LastReviewed is { } reviewed && reviewed.At > Updated.At ? reviewed.At : Updated.At;

    public static MapWrite Create(WorkspaceKey workspace, string name, MapKind kind, Stamp stamp, ChannelRef? channel = null, MapVisibility visibility = MapVisibility.Public)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var trimmed = ValidateMapName(name);
        var map = new AccountMap
        {
            Id = Guid.NewGuid(),
            Workspace = workspace,
            Name = trimmed,
            Kind = kind,
            Owner = stamp.By,
            LinkedChannels = channel is null ? [] : [channel],
            Visibility = visibility,
            Created = stamp,
            Updated = stamp,
        };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryMapCreated, kind.ToString().ToLowerInvariant(), trimmed), [new("name", null, trimmed)]);
    }

    public static string ValidateMapName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException(StakeholderFields.MapName, Sentences.HistoryMapNameMissing);
        }

        if (trimmed.Length > Limits.MapName)
        {
            throw new DomainRuleException(StakeholderFields.MapName, Say.Format(Sentences.HistoryMapNameTooLong, Limits.MapName));
        }

        return trimmed;
    }

    public Stakeholder? FindById(Guid id) => Stakeholders.FirstOrDefault(s => s.Id == id);

    /// <param name="person">The new person.</param>
    /// <param name="stamp">Who adds them, when.</param>
    /// <param name="peopleLimit">The configured <c>Limits:PeoplePerMap</c>.</param>
    public MapWrite AddStakeholder(Stakeholder person, Stamp stamp, int peopleLimit = LimitsOptions.DefaultPeoplePerMap)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (FindById(person.Id) is not null)
        {
            throw new DomainRuleException(StakeholderFields.General, Say.Format(Sentences.HistoryPersonAlreadyOnMap, person.Name));
        }

        if (Stakeholders.Count >= peopleLimit)
        {
            throw new DomainRuleException(StakeholderFields.General, PeopleLimitReached(peopleLimit));
        }

        person = Clean(person);
        ThrowIfInvalid(person);
        var map = Touch(stamp) with { Stakeholders = [.. Stakeholders, person] };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryPersonAdded, person.Name), Describe(null, person));
    }

    /// <summary>What a user reads when a map is full.</summary>
    public static string PeopleLimitReached(int peopleLimit) =>
        string.Format(CultureInfo.InvariantCulture, Sentences.HistoryPeopleLimitReached, peopleLimit);

    public MapWrite UpdateStakeholder(Stakeholder person, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(person);
        var before = FindById(person.Id)
            ?? throw new DomainRuleException(StakeholderFields.General, Sentences.HistoryPersonGone);
        person = Clean(person);
        ThrowIfInvalid(person);
        var map = Touch(stamp) with { Stakeholders = [.. Stakeholders.Select(s => s.Id == person.Id ? person : s)] };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryPersonEdited, person.Name), Describe(before, person));
    }

    public MapWrite RemoveStakeholder(Guid personId, Stamp stamp)
    {
        var person = FindById(personId)
            ?? throw new DomainRuleException(StakeholderFields.General, Sentences.HistoryPersonGone);
        var map = Touch(stamp) with
        {
            // Direct reports move up to the removed person's manager so the tree stays connected.
            Stakeholders = [.. Stakeholders
                .Where(s => s.Id != personId)
                .Select(s => s.ReportsToId == personId ? s with { ReportsToId = person.ReportsToId } : s)],
            Relationships = [.. Relationships.Where(r => r.FromId != personId && r.ToId != personId)],
        };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryPersonRemoved, person.Name), Describe(person, null));
    }

    public MapWrite Tag(Guid personId, Role roles, Stamp stamp) => SetRoles(personId, roles, add: true, stamp);

    public MapWrite Untag(Guid personId, Role roles, Stamp stamp) => SetRoles(personId, roles, add: false, stamp);

    public MapWrite MarkReviewed(Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var map = this with { LastReviewed = stamp };
        return MapWrite.Of(map, stamp, Sentences.HistoryMapReviewed, [new("lastReviewed", LastReviewed?.At.ToString("u", CultureInfo.InvariantCulture), stamp.At.ToString("u", CultureInfo.InvariantCulture))]);
    }

    /// <summary>Revokes every picture and export link of the map; the content is unchanged, so it is not an update.</summary>
    public MapWrite ResetLinks(Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var map = this with { LinkEpoch = LinkEpoch + 1 };
        return MapWrite.Of(map, stamp, Sentences.HistoryLinksReset, [new("linkEpoch", LinkEpoch.ToString(CultureInfo.InvariantCulture), map.LinkEpoch.ToString(CultureInfo.InvariantCulture))]);
    }

    public MapWrite LinkChannel(ChannelRef channel, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (LinkedChannels.Any(c => c.Id == channel.Id))
        {
            return MapWrite.Of(this, stamp, Sentences.HistoryChannelAlreadyLinked, []);
        }

        var map = Touch(stamp) with { LinkedChannels = [.. LinkedChannels, channel] };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryChannelLinked, channel.Name ?? channel.Id), [new("channels", null, channel.Name ?? channel.Id)]);
    }

    public MapWrite UnlinkChannel(string channelId, Stamp stamp)
    {
        var channel = LinkedChannels.FirstOrDefault(c => c.Id == channelId);
        if (channel is null)
        {
            return MapWrite.Of(this, stamp, Sentences.HistoryChannelNotLinked, []);
        }

        var map = Touch(stamp) with { LinkedChannels = [.. LinkedChannels.Where(c => c.Id != channelId)] };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryChannelUnlinked, channel.Name ?? channel.Id), [new("channels", channel.Name ?? channel.Id, null)]);
    }

    public MapWrite AddRelationship(Guid fromId, Guid toId, RelationshipKind kind, string? note, Stamp stamp)
    {
        var from = FindById(fromId);
        var to = FindById(toId);
        if (from is null || to is null)
        {
            throw new DomainRuleException(StakeholderFields.RelatedTo, Sentences.HistoryRelationshipOutsideMap);
        }

        if (fromId == toId)
        {
            throw new DomainRuleException(StakeholderFields.RelatedTo, Sentences.HistoryRelationshipSamePerson);
        }

        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmedNote is { Length: > Limits.RelationshipNote })
        {
            throw new DomainRuleException(StakeholderFields.RelationshipNote, Say.Format(Sentences.HistoryRelationshipNoteTooLong, Limits.RelationshipNote));
        }

        var existing = Relationships.FirstOrDefault(r => r.FromId == fromId && r.ToId == toId);
        var relationship = new Relationship(existing?.Id ?? Guid.NewGuid(), fromId, toId, kind, trimmedNote);
        var map = Touch(stamp) with
        {
            Relationships = [.. Relationships.Where(r => r.Id != relationship.Id), relationship],
        };
        var label = RelationshipLabel(from.Name, kind, to.Name);
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryRelationshipRecorded, label), [new("relationship", existing is null ? null : RelationshipLabel(from.Name, existing.Kind, to.Name), label)]);
    }

    public MapWrite RemoveRelationship(Guid relationshipId, Stamp stamp)
    {
        var relationship = Relationships.FirstOrDefault(r => r.Id == relationshipId)
            ?? throw new DomainRuleException(StakeholderFields.RelatedTo, Sentences.HistoryRelationshipGone);
        var label = RelationshipLabel(FindById(relationship.FromId)?.Name, relationship.Kind, FindById(relationship.ToId)?.Name);
        var map = Touch(stamp) with { Relationships = [.. Relationships.Where(r => r.Id != relationshipId)] };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryRelationshipRemoved, label), [new("relationship", label, null)]);
    }

    public static string RelationshipText(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Influences => Sentences.HistoryRelationshipInfluences,
        RelationshipKind.Ally => Sentences.HistoryRelationshipAlly,
        RelationshipKind.Rival => Sentences.HistoryRelationshipRival,
        _ => Sentences.HistoryRelationshipAvoids,
    };

    private static string RelationshipLabel(string? from, RelationshipKind kind, string? to) =>
        Say.Format(Sentences.HistoryRelationshipLabel, from, RelationshipText(kind), to);

    private MapWrite SetRoles(Guid personId, Role roles, bool add, Stamp stamp)
    {
        var person = FindById(personId)
            ?? throw new DomainRuleException(StakeholderFields.General, Sentences.HistoryPersonGone);
        var updated = person with { Roles = add ? person.Roles | roles : person.Roles & ~roles };
        var map = Touch(stamp) with { Stakeholders = [.. Stakeholders.Select(s => s.Id == personId ? updated : s)] };
        var summary = Say.Format(add ? Sentences.HistoryPersonTagged : Sentences.HistoryPersonUntagged, person.Name, Accounts.Roles.Describe(roles));
        return MapWrite.Of(map, stamp, summary, [new($"{person.Name}: roles", Accounts.Roles.Describe(person.Roles), Accounts.Roles.Describe(updated.Roles))]);
    }

    private AccountMap Touch(Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return this with { Updated = stamp };
    }

    private void ThrowIfInvalid(Stakeholder person)
    {
        var errors = StakeholderRules.Validate(person, this);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }
    }

    private static Stakeholder Clean(Stakeholder person) => person with
    {
        Name = person.Name?.Trim() ?? string.Empty,
        Title = Blank(person.Title),
        Department = Blank(person.Department),
        Email = Blank(person.Email),
        ProfileUrl = Blank(person.ProfileUrl),
        NextStep = Blank(person.NextStep),
        Notes = Blank(person.Notes),
        CaresAbout = Blank(person.CaresAbout),
        Plan = Blank(person.Plan),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private IReadOnlyList<FieldChange> Describe(Stakeholder? before, Stakeholder? after)
    {
        var who = after?.Name ?? before?.Name ?? "?";
        var changes = new List<FieldChange>();
        foreach (var (field, read) in StakeholderText.Fields)
        {
            var old = before is null ? null : read(before, this);
            var @new = after is null ? null : read(after, this);
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                changes.Add(new($"{who}: {field}", old, @new));
            }
        }

        return changes;
    }
}
