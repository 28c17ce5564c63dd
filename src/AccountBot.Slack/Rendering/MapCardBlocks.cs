using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>The map card: header, coverage gaps first, people by role, last review, and the card's actions.</summary>
internal static class MapCardBlocks
{
    private const int ReservedBlocks = 4; // last review context, actions, "more" context, spare

    public static SlackMessage Render(MapView view)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText(view.Name)) };
        if (view.Notice is { Length: > 0 } notice)
            blocks.Add(Context(":sparkles: " + Escape(notice)));

        var owner = $"{view.Kind} account · owner {Escape(view.OwnerName)} · {view.ActiveCount} active {(view.ActiveCount == 1 ? "person" : "people")}";
        blocks.Add(Context(owner));

        blocks.Add(view.Gaps.Count == 0
            ? Section(":white_check_mark: *No coverage gaps*")
            : Section(":warning: *Coverage gaps*\n" + string.Join("\n", view.Gaps.Take(20).Select(g => "• " + Escape(g.Message)))
                + (view.Gaps.Count > 20 ? $"\n• and {view.Gaps.Count - 20} more" : string.Empty)));
        blocks.Add(new DividerBlock());

        var sections = view.Groups.SelectMany(g => Pack(g.People.Select(Line), "*" + Escape(g.Heading) + "*")).ToList();
        var room = SlackLimits.BlocksPerMessage - blocks.Count - ReservedBlocks;
        if (view.Groups.Count == 0)
            blocks.Add(Section($"Nobody on this map yet. Add someone with `map {Escape(view.CommandName)} add Jane Doe`."));
        blocks.AddRange(sections.Take(room).Select(Section));
        if (sections.Count > room)
        {
            var shown = sections.Take(room).Sum(s => s.Split('\n').Count(l => l.StartsWith('•')));
            var total = view.Groups.Sum(g => g.People.Count);
            blocks.Add(Context($"and {total - shown} more — see `map {Escape(view.CommandName)} grid` or `map {Escape(view.CommandName)} export`"));
        }

        blocks.Add(Context(view.LastReviewed is { } reviewed
            ? $"Last reviewed {Date(reviewed.At)} by {Escape(reviewed.By.Name)} · updated {Date(view.Updated.At)}"
            : $"Never reviewed · updated {Date(view.Updated.At)}"));
        blocks.Add(Actions(view));

        return new SlackMessage($"Account map: {Escape(view.Name)}", blocks);
    }

    private static string Line(StakeholderLine p)
    {
        var parts = new List<string> { "• *" + Escape(p.Name) + "*" + (p.Title is { Length: > 0 } t ? " — " + Escape(t) : string.Empty) };
        parts.Add($"{Quadrant(p.Quadrant)} (P{p.Power}/I{p.Interest})");
        parts.Add(p.Stance.ToString());
        if (p.OwnerName is { Length: > 0 } owner)
            parts.Add("owner " + Escape(owner));
        if (p.Status != StakeholderStatus.Active)
            parts.Add(p.Status == StakeholderStatus.LeftCompany ? "left the company" : "changed role");
        var line = string.Join(" · ", parts);
        if (p.NextStep is { Length: > 0 } next)
            line += "\n      next: " + Escape(next) + (p.NextStepDue is { } due ? " (due " + Date(due) + ")" : string.Empty);
        return line;
    }

    private static string Quadrant(GridQuadrant quadrant) => quadrant switch
    {
        GridQuadrant.ManageClosely => "Manage closely",
        GridQuadrant.KeepSatisfied => "Keep satisfied",
        GridQuadrant.KeepInformed => "Keep informed",
        _ => "Monitor",
    };

    private static ActionsBlock Actions(MapView view)
    {
        var map = CommandText.Map(view.CommandName);
        var elements = new List<ActionElement>
        {
            new ButtonElement(SlackBotIds.MapAdd, "Add person") { Value = map.Add(), Style = ButtonStyle.Primary },
        };

        var people = view.Groups.SelectMany(g => g.People).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (people.Count is > 0 and <= SlackLimits.OptionsPerSelect)
        {
            elements.Add(new StaticSelectElement(
                SlackBotIds.MapEdit,
                people.Select(p => new Option(new PlainText(p.Name), map.Edit(PersonRef.ForId(p.Id)))))
            {
                Placeholder = "Edit…",
            });
        }
        else if (people.Count > SlackLimits.OptionsPerSelect)
        {
            elements.Add(new ExternalSelectElement(SlackBotIds.MapEditSearch) { Placeholder = "Edit… (type a name)", MinQueryLength = 0 });
        }

        elements.Add(new ButtonElement(SlackBotIds.MapReviewed, "Mark reviewed") { Value = map.Reviewed });
        elements.Add(new ButtonElement(SlackBotIds.MapHistory, "History") { Value = map.History });
        elements.Add(new OverflowElement(SlackBotIds.MapViews,
        [
            new Option(new PlainText("Power/interest grid"), map.Picture(MapPicture.Grid)),
            new Option(new PlainText("Onion"), map.Picture(MapPicture.Onion)),
            new Option(new PlainText("Org chart"), map.Picture(MapPicture.Org)),
            new Option(new PlainText("RACI"), map.Picture(MapPicture.Raci)),
        ]));
        return new ActionsBlock(elements) { BlockId = SlackBotIds.MapCardBlockPrefix + view.MapId.ToString("N") };
    }
}
