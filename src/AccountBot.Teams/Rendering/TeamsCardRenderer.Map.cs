using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The map card, the answer to most messages, drawn by the renderer itself: title with kind, coverage gaps first,
/// people grouped by role, last review, and the map's buttons (Add · Edit/Remove a picked person · Mark reviewed ·
/// History · Views).
/// </summary>
public sealed partial class TeamsCardRenderer
{
    /// <summary>How many people the map card lists before "and N more" (the person picker is capped the same way).</summary>
    public const int MaxMapPeople = 60;

    /// <summary>How many coverage gaps the map card lists before "and N more" (as many as Slack's map message).</summary>
    public const int MaxMapGaps = 20;

    private static AdaptiveCard Map(MapView view, int maxPeople)
    {
        var command = CommandText.Map(view.CommandName);
        var body = new List<CardElement>
        {
            Title(view.Name),
            Subtle(MapCardText.Summary(view)),
        };
        if (MapCardText.PrivateNote(view) is { } privateNote)
            body.Add(Subtle("🔒 " + privateNote) with { Spacing = Spacing.None });

        if (view.Notice is { } notice)
            body.Add(Colored(notice, TextColor.Good));

        // Under the notice it undoes, and not among the card's actions: Teams shows at most five of those.
        if (view.UndoCommand is { } undo)
            body.Add(new ActionSet([Command(MapCardText.UndoLabel, undo, inPlace: true)]));

        // "Follow your champion" after an import marked people as left: each adds them to their new company's map.
        if (view.FollowButtons.Count > 0)
            body.Add(new ActionSet([.. view.FollowButtons.Select(b => (CardAction)Command(b.Label, b.Command))]));

        if (view.Gaps.Count > 0)
        {
            var gaps = new List<CardElement> { Colored(MapCardText.GapsHeading, TextColor.Attention, FontWeight.Bolder) };
            // Capped like people: a 500-person map can have hundreds of per-person gaps.
            var shownGaps = view.Gaps.Take(Math.Min(MaxMapGaps, Math.Max(maxPeople, 5))).ToList();
            gaps.AddRange(shownGaps.Select(g => (CardElement)(Colored("⚠ " + g.Message, TextColor.Attention) with { Spacing = Spacing.None })));
            if (view.Gaps.Count > shownGaps.Count)
                gaps.Add(Colored(MapCardText.More(view.Gaps.Count - shownGaps.Count), TextColor.Attention) with { Spacing = Spacing.None });
            body.Add(new Container(gaps) { Style = ContainerStyle.Attention, Spacing = Spacing.Medium });
        }
        else
        {
            body.Add(Colored(MapCardText.NoGaps, TextColor.Good) with { Spacing = Spacing.Medium });
        }

        var shown = 0;
        var total = view.Groups.Sum(g => g.People.Count);
        foreach (var group in view.Groups)
        {
            if (shown >= maxPeople)
                break;
            body.Add(Heading(MapCardText.GroupHeading(group)));
            foreach (var person in group.People.Take(maxPeople - shown))
            {
                body.Add(Person(person));
                shown++;
            }
        }

        if (total == 0)
            body.Add(Subtle(MapCardText.Empty) with { Spacing = Spacing.Medium });
        else if (total > shown)
            body.Add(Subtle(MapCardText.More(total - shown)) with { Spacing = Spacing.Small });

        body.Add(Subtle(MapCardText.Review(view)) with { Spacing = Spacing.Medium });

        var actions = new List<CardAction>
        {
            Command(MapCardText.AddLabel, command.Add(), style: ActionStyle.Positive),
        };
        var people = view.Groups.SelectMany(g => g.People).Take(maxPeople).ToList();
        if (people.Count > 0)
            actions.Add(new ShowCardAction(MapCardText.EditLabel, EditCard(command, people)));
        actions.Add(Command(MapCardText.ReviewedLabel, command.Reviewed, inPlace: true));
        actions.Add(Command(MapCardText.HistoryLabel, command.History));
        actions.Add(new ShowCardAction(MapCardText.ViewsLabel, new AdaptiveCard([Subtle(MapCardText.ViewsLead)])
        {
            MsTeams = null,
            Actions = [.. Enum.GetValues<MapPicture>().Select(p => (CardAction)Command(MapCardText.PictureLabel(p), command.Picture(p)))],
        }));

        return Card(body, MapCardText.Fallback(view), actions);
    }

    private static Container Person(StakeholderLine person)
    {
        var name = MapCardText.PersonTitle(person) is { } title ? Line(Bold(person.Name), Plain(title)) : Line(Bold(person.Name));
        var items = new List<CardElement> { name, Subtle(MapCardText.PersonDetail(person)) };
        if (MapCardText.PersonRoles(person) is { } roles)
            items.Add(Subtle(roles));
        if (MapCardText.NextStep(person) is { } next)
            items.Add(Subtle(next));
        if (MapCardText.EngagementPlan(person) is { } plan)
            items.Add(Subtle(plan));
        return new Container(items) { Spacing = Spacing.Small };
    }

    private static AdaptiveCard EditCard(MapCommandText command, IReadOnlyList<StakeholderLine> people) => new(
    [
        new ChoiceSetInput(CardVerbs.Inputs.Person, [.. people.Select(p => new Choice(p.Name, PersonRef.ForId(p.Id)))])
        {
            Label = MapCardText.PersonLabel,
            Style = ChoiceInputStyle.Filtered,
            IsRequired = true,
            ErrorMessage = MapCardText.PickPerson + ".",
            Placeholder = MapCardText.PickPerson,
        },
    ])
    {
        MsTeams = null,
        Actions =
        [
            CommandFromInput(MapCardText.EditLabel, command.Edit(), CardVerbs.Inputs.Person),
            CommandFromInput(MapCardText.RemoveLabel, command.Remove(), CardVerbs.Inputs.Person, ActionStyle.Destructive),
        ],
    };
}
