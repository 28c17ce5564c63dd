using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Maps;

/// <summary>Builds the map card's view model from a map at a point in time.</summary>
public sealed class MapViewFactory(CoverageOptions coverage, TimeProvider time)
{
    public static string NoRoleHeading => Sentences.MapsNoRoleHeading;
    public static string InactiveHeading => Sentences.MapsInactiveHeading;

    public CoverageOptions Coverage => coverage;

    public IReadOnlyList<CoverageGap> Gaps(AccountMap map) => CoverageAnalyzer.Analyze(map, time.GetUtcNow(), coverage);

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
            IsPrivate = map.IsPrivate,
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
            person.ReportsToId is { } boss ? map.FindById(boss)?.Name : null)
        {
            CaresAbout = person.CaresAbout,
            Plan = person.Plan,
        };
    }

    private static Role PrimaryRole(Role roles) => Roles.All.FirstOrDefault(r => (roles & r) == r, Role.None);
}
