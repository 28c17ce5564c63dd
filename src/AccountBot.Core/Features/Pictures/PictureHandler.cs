using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Pictures;

/// <summary>
/// <c>map Acme grid|onion|org|raci</c>: the view's content as text sections, and a signed link to
/// the PNG when the host serves pictures (<see cref="IPictureLinks"/>); the text is the fallback either way.
/// </summary>
public sealed class PictureHandler(IAccountMapStore store, MapViewFactory views, IPictureLinks links) : MapCommandHandler(store), ICommandHandler<ShowPicture>
{
    public async Task<Reply> HandleAsync(ShowPicture command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var sections = command.Picture switch
        {
            MapPicture.Grid => Grid(map),
            MapPicture.Onion => Onion(map),
            MapPicture.Org => Org(map),
            _ => Raci(map),
        };
        return new PictureView(map.Id, map.Name, CommandParser.Quote(map.Name), map.Version, command.Picture, sections)
        {
            Visibility = ReplyVisibility.Channel,
            ImageUrl = links.PictureUrl(map, command.Picture),
        };
    }

    private List<PictureSection> Grid(AccountMap map)
    {
        var active = map.Stakeholders.Where(s => s.IsActive).ToList();
        return [.. Enum.GetValues<GridQuadrant>().Select(q => new PictureSection(
            PowerInterestGrid.DisplayName(q),
            [.. active
                .Where(s => PowerInterestGrid.Classify(s.Power, s.Interest, views.Coverage.HighScoreThreshold) == q)
                .OrderByDescending(s => s.Power).ThenByDescending(s => s.Interest).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Select(s => string.Format(CultureInfo.CurrentCulture, Sentences.PicturesGridLine, s.Name, s.Power, s.Interest, StakeholderText.Display(s.Stance), RolesSuffix(s)))]))];
    }

    private static List<PictureSection> Onion(AccountMap map)
    {
        var active = map.Stakeholders.Where(s => s.IsActive).ToList();
        return [.. Enumerable.Range(OnionRing.Innermost, OnionRing.Outermost).Select(ring => new PictureSection(
            string.Format(CultureInfo.CurrentCulture, Sentences.PicturesRing, ring, OnionRing.DisplayName(ring)),
            [.. active.Where(s => OnionRing.For(s.Roles) == ring)
                .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Select(s => s.Name + RolesSuffix(s))]))];
    }

    private static List<PictureSection> Org(AccountMap map)
    {
        var lines = new List<string>();
        var ids = map.Stakeholders.Select(s => s.Id).ToHashSet();
        var roots = map.Stakeholders.Where(s => s.ReportsToId is not { } boss || !ids.Contains(boss))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var root in roots)
        {
            AddTree(map, root, 0, lines, []);
        }

        var relationships = map.Relationships
            .Select(r => Say.Format(
                r.Note is null ? Sentences.PicturesRelationshipLine : Sentences.PicturesRelationshipLineWithNote,
                map.FindById(r.FromId)?.Name,
                AccountMap.RelationshipText(r.Kind),
                map.FindById(r.ToId)?.Name,
                r.Note))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return [new(Sentences.PicturesReportingLines, lines), new(Sentences.PicturesRelationships, relationships)];
    }

    private static void AddTree(AccountMap map, Stakeholder person, int depth, List<string> lines, HashSet<Guid> seen)
    {
        if (!seen.Add(person.Id))
        {
            return;
        }

        var left = person.IsActive ? string.Empty : $" [{StakeholderText.Display(person.Status)}]";
        var title = person.Title is null ? string.Empty : $", {person.Title}";
        lines.Add($"{new string(' ', depth * 2)}{(depth == 0 ? string.Empty : "└ ")}{person.Name}{title}{left}");
        foreach (var report in map.Stakeholders.Where(s => s.ReportsToId == person.Id).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            AddTree(map, report, depth + 1, lines, seen);
        }
    }

    private static List<PictureSection> Raci(AccountMap map) =>
    [.. new[] { Accounts.Raci.Responsible, Accounts.Raci.Accountable, Accounts.Raci.Consulted, Accounts.Raci.Informed, Accounts.Raci.None }
        .Select(r => new PictureSection(
            r == Accounts.Raci.None ? Sentences.PicturesRaciNone : r.ToString(),
            [.. map.Stakeholders.Where(s => s.IsActive && s.Raci == r).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => s.Name)]))];

    private static string RolesSuffix(Stakeholder person) =>
        person.Roles == Role.None ? string.Empty : $" ({Roles.Describe(person.Roles).ToLowerInvariant()})";
}
