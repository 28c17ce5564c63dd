using System.Collections.Concurrent;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary>Builds the map card's view model from a map at a point in time.</summary>
public sealed class MapViewFactory(CoverageOptions coverage, TimeProvider time)
{
    public const string NoRoleHeading = "No role yet";
    public const string InactiveHeading = "Left or changed role";

    /// <summary>How long <see cref="BuildShared"/> hands out the same view of a map version (its gaps count days).</summary>
    public static readonly TimeSpan SharedViewLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Shared views kept at most; the set starts over when it is full.</summary>
    public const int MaxSharedViews = 1024;

    private readonly ConcurrentDictionary<(Guid MapId, int Version), (MapView View, DateTimeOffset BuiltAt)> _shared = new();

    public CoverageOptions Coverage => coverage;

    public IReadOnlyList<CoverageGap> Gaps(AccountMap map) => CoverageAnalyzer.Analyze(map, time.GetUtcNow(), coverage);

    /// <summary>
    /// The channel view of <paramref name="map"/> for reading (<c>map Acme</c>), the same instance for
    /// every request of the same map version within <see cref="SharedViewLifetime"/>, so the adapters
    /// can reuse what they rendered from it (the hot path: most requests read a map nobody changed).
    /// A new version is a new view at once; gaps that depend on the date ("not reviewed for 41 days")
    /// are at most a minute late.
    /// </summary>
    public MapView BuildShared(AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var now = time.GetUtcNow();
        var key = (map.Id, map.Version);
        if (_shared.TryGetValue(key, out var hit) && now >= hit.BuiltAt && now - hit.BuiltAt < SharedViewLifetime)
            return hit.View;

        var view = Build(map) with { Visibility = ReplyVisibility.Channel };
        if (_shared.Count >= MaxSharedViews)
            _shared.Clear();
        _shared[key] = (view, now);
        return view;
    }

    public MapView Build(AccountMap map, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var groups = new List<RoleGroup>();
        var active = map.Stakeholders.Where(s => s.IsActive).ToList();
        foreach (var role in Roles.All)
        {
            var people = active.Where(s => PrimaryRole(s.Roles) == role).OrderByDescending(s => s.Power).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
            if (people.Count > 0)
            {
                groups.Add(new RoleGroup(Roles.DisplayName(role), role, [.. people.Select(p => Line(p, map))]));
            }
        }

        var noRole = active.Where(s => s.Roles == Role.None).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (noRole.Count > 0)
        {
            groups.Add(new RoleGroup(NoRoleHeading, null, [.. noRole.Select(p => Line(p, map))]));
        }

        var inactive = map.Stakeholders.Where(s => !s.IsActive).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (inactive.Count > 0)
        {
            groups.Add(new RoleGroup(InactiveHeading, null, [.. inactive.Select(p => Line(p, map))]));
        }

        return new MapView(
            map.Id, map.Name, map.Kind, map.Owner.Name, map.Version, Gaps(map), groups, active.Count,
            map.Updated, map.LastReviewed, map.LinkedChannels.Count)
        {
            Notice = notice,
            CommandName = CommandParser.Quote(map.Name),
        };
    }

    public StakeholderLine Line(Stakeholder person, AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(map);
        return new StakeholderLine(
            person.Id, person.Name, person.Title, person.Roles,
            PowerInterestGrid.Classify(person.Power, person.Interest, coverage.HighScoreThreshold),
            person.Power, person.Interest, person.Stance, person.RelationshipOwner?.Name, person.Strength,
            person.Status, person.NextStep, person.NextStepDue,
            person.ReportsToId is { } boss ? map.FindById(boss)?.Name : null);
    }

    private static Role PrimaryRole(Role roles) => Roles.All.FirstOrDefault(r => (roles & r) == r, Role.None);
}
