using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The map card: title with kind, coverage gaps first, people grouped by role, last review, and the
/// map's buttons (Add · Edit/Remove a picked person · Mark reviewed · History · Views).
/// </summary>
public sealed class MapCardRenderer
{
    /// <summary>How many people the card lists before "and N more" (the person picker is capped the same way).</summary>
    public const int DefaultMaxPeople = 60;

    /// <summary>How many coverage gaps the card lists before "and N more" (as many as Slack's map message).</summary>
    public const int DefaultMaxGaps = 20;

    public AdaptiveCard Render(MapView view, int maxPeople = DefaultMaxPeople)
    {
        ArgumentNullException.ThrowIfNull(view);
        var command = CommandText.Map(view.CommandName);
        var body = new List<CardElement>
        {
            Title(view.Name),
            Subtle(string.Create(Culture, $"{view.Kind} map · owner {view.OwnerName} · {view.ActiveCount} active {(view.ActiveCount == 1 ? "stakeholder" : "stakeholders")}")),
        };

        if (view.Notice is { } notice)
            body.Add(Colored(notice, TextColor.Good));

        if (view.Gaps.Count > 0)
        {
            var gaps = new List<CardElement> { Colored("Coverage gaps", TextColor.Attention, FontWeight.Bolder) };
            // Capped like people: a 500-person map can have hundreds of per-person gaps.
            var shownGaps = view.Gaps.Take(Math.Min(DefaultMaxGaps, Math.Max(maxPeople, 5))).ToList();
            gaps.AddRange(shownGaps.Select(g => (CardElement)(Colored("⚠ " + g.Message, TextColor.Attention) with { Spacing = Spacing.None })));
            if (view.Gaps.Count > shownGaps.Count)
                gaps.Add(Colored(More(view.Gaps.Count - shownGaps.Count), TextColor.Attention) with { Spacing = Spacing.None });
            body.Add(new Container(gaps) { Style = ContainerStyle.Attention, Spacing = Spacing.Medium });
        }

        var shown = 0;
        var total = view.Groups.Sum(g => g.People.Count);
        foreach (var group in view.Groups)
        {
            if (shown >= maxPeople)
                break;
            body.Add(Heading(string.Create(Culture, $"{group.Heading} ({group.People.Count})")));
            foreach (var person in group.People.Take(maxPeople - shown))
            {
                body.Add(Person(person));
                shown++;
            }
        }

        if (total == 0)
            body.Add(Subtle("No stakeholders yet. Add the people you met: who decides, who signs, who champions you.") with { Spacing = Spacing.Medium });
        else if (total > shown)
            body.Add(Subtle(More(total - shown)) with { Spacing = Spacing.Small });

        body.Add(Subtle(view.LastReviewed is { } reviewed
            ? $"Last reviewed by {reviewed.By.Name}, {Date(reviewed.At)} · updated by {view.Updated.By.Name}, {Date(view.Updated.At)}"
            : $"Never reviewed · updated by {view.Updated.By.Name}, {Date(view.Updated.At)}") with { Spacing = Spacing.Medium });

        var actions = new List<CardAction>
        {
            Command("Add stakeholder", command.Add(), style: ActionStyle.Positive),
        };
        var people = view.Groups.SelectMany(g => g.People).Take(maxPeople).ToList();
        if (people.Count > 0)
            actions.Add(new ShowCardAction("Edit", EditCard(command, people)));
        actions.Add(Command("Mark reviewed", command.Reviewed, inPlace: true));
        actions.Add(Command("History", command.History));
        actions.Add(new ShowCardAction("Views", new AdaptiveCard([Subtle("Pictures of the map")])
        {
            MsTeams = null,
            Actions =
            [
                Command("Grid", command.Picture(MapPicture.Grid)),
                Command("Onion", command.Picture(MapPicture.Onion)),
                Command("Org chart", command.Picture(MapPicture.Org)),
                Command("RACI", command.Picture(MapPicture.Raci)),
            ],
        }));

        return Card(body, $"{view.Name}: {view.ActiveCount} active stakeholders, {view.Gaps.Count} coverage gaps", actions);
    }

    private static Container Person(StakeholderLine person)
    {
        var name = person.Title is { Length: > 0 } title ? Line(Bold(person.Name), Plain(" — " + title)) : Line(Bold(person.Name));
        var details = new List<string>
        {
            string.Create(Culture, $"{PowerInterestGrid.DisplayName(person.Quadrant)} (power {person.Power}, interest {person.Interest})"),
            StakeholderText.Display(person.Stance),
            person.OwnerName is { } owner ? $"owner {owner} ({StakeholderText.Display(person.Strength)})" : "no relationship owner",
        };
        if (person.Status != StakeholderStatus.Active)
            details.Add(StakeholderText.Display(person.Status));
        if (person.ReportsToName is { } manager)
            details.Add("reports to " + manager);

        var items = new List<CardElement> { name, Subtle(string.Join(" · ", details)) };
        if (Roles.Split(person.Roles) is { Count: > 1 } roles)
            items.Add(Subtle("Roles: " + string.Join(", ", roles.Select(Roles.DisplayName))));
        if (person.NextStep is { Length: > 0 } next)
            items.Add(Subtle(person.NextStepDue is { } due ? $"Next: {next} (due {Date(due)})" : "Next: " + next));
        return new Container(items) { Spacing = Spacing.Small };
    }

    private static AdaptiveCard EditCard(MapCommandText command, IReadOnlyList<StakeholderLine> people) => new(
    [
        new ChoiceSetInput(CardVerbs.Inputs.Person, [.. people.Select(p => new Choice(p.Name, PersonRef.ForId(p.Id)))])
        {
            Label = "Person",
            Style = ChoiceInputStyle.Filtered,
            IsRequired = true,
            ErrorMessage = "Pick a person.",
            Placeholder = "Pick a person",
        },
    ])
    {
        MsTeams = null,
        Actions =
        [
            CommandFromInput("Edit", command.Edit(), CardVerbs.Inputs.Person),
            CommandFromInput("Remove…", command.Remove(), CardVerbs.Inputs.Person, ActionStyle.Destructive),
        ],
    };
}
