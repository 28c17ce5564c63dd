using AccountBot.Core.Text;

namespace AccountBot.Core.Accounts;

/// <summary>Who sees a map and who answers for it: its visibility, its owner, its relationship owners, its deletion.</summary>
public sealed partial record AccountMap
{
    public bool IsPrivate => Visibility == MapVisibility.Private;

    /// <summary>
    /// A public map is seen by everyone in its workspace; a private one only in a channel it is linked to, and by its
    /// owner wherever they ask.
    /// </summary>
    public bool IsVisibleTo(string userId, string channelId) =>
        !IsPrivate
        || string.Equals(Owner.Id, userId, StringComparison.Ordinal)
        || LinkedChannels.Any(c => string.Equals(c.Id, channelId, StringComparison.Ordinal));

    public MapWrite SetVisibility(MapVisibility visibility, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (visibility == Visibility)
        {
            return MapWrite.Of(this, stamp, Say.Format(Sentences.HistoryVisibilityUnchanged, Describe(visibility)), []);
        }

        // Links posted while it was public may sit in channels that may no longer see it: making it private revokes them.
        var map = this with { Visibility = visibility, Updated = stamp, LinkEpoch = visibility == MapVisibility.Private ? LinkEpoch + 1 : LinkEpoch };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryVisibilityChanged, Describe(visibility)), [new("visibility", Describe(Visibility), Describe(visibility))]);
    }

    public MapWrite ChangeOwner(UserRef owner, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(stamp);
        if (string.Equals(owner.Id, Owner.Id, StringComparison.Ordinal))
        {
            return MapWrite.Of(this, stamp, Say.Format(Sentences.HistoryOwnerUnchanged, Owner.Name), []);
        }

        var map = this with { Owner = owner, Updated = stamp };
        return MapWrite.Of(map, stamp, Say.Format(Sentences.HistoryOwnerChanged, owner.Name), [new("owner", Owner.Name, owner.Name)]);
    }

    /// <summary>
    /// Hands every relationship <paramref name="from"/> owns on this map (matched by user id, or by the shown name when
    /// the departed rep can no longer be mentioned) to <paramref name="to"/>; null when they own none here.
    /// </summary>
    public MapWrite? ReassignRelationships(UserRef from, UserRef to, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(stamp);
        var owned = Stakeholders.Where(s => s.RelationshipOwner is { } owner && IsSameRep(owner, from)).ToList();
        if (owned.Count == 0)
        {
            return null;
        }

        var ids = owned.Select(s => s.Id).ToHashSet();
        var map = this with
        {
            Stakeholders = [.. Stakeholders.Select(s => ids.Contains(s.Id) ? s with { RelationshipOwner = to } : s)],
            Updated = stamp,
        };
        var people = owned.Count == 1 ? Sentences.HistoryRelationshipsReassignedOne : Say.Format(Sentences.HistoryRelationshipsReassignedMany, owned.Count);
        return MapWrite.Of(
            map,
            stamp,
            Say.Format(Sentences.HistoryRelationshipsReassigned, people, from.Name, to.Name),
            [.. owned.Select(s => new FieldChange($"{s.Name}: relationship owner", s.RelationshipOwner!.Name, to.Name))]);
    }

    /// <summary>The history entry a deletion leaves (the map itself goes).</summary>
    public MapWrite Delete(Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return MapWrite.Of(this with { Updated = stamp }, stamp, Say.Format(Sentences.HistoryMapDeleted, Name), [new("name", Name, null)]);
    }

    /// <summary>Whether a relationship owner is the rep named: by id, or by name when the rep was named without an id.</summary>
    public static bool IsSameRep(UserRef owner, UserRef departed)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(departed);
        return string.Equals(owner.Id, departed.Id, StringComparison.Ordinal)
            || (departed.Id.Length == 0 && string.Equals(owner.Name.Trim(), departed.Name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(MapVisibility visibility) => visibility == MapVisibility.Private ? Sentences.HistoryVisibilityPrivate : Sentences.HistoryVisibilityPublic;
}
