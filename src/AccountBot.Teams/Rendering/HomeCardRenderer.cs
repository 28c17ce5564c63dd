using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// "Your accounts" (<see cref="HomeView"/>) as an Adaptive Card: what <c>map mine</c> and the personal-chat welcome show.
/// Words come from <see cref="HomeText"/>; each map and step has its own buttons (Open map, Done).
/// </summary>
public sealed class HomeCardRenderer
{
    public AdaptiveCard Render(HomeView view, int maxRows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Title(HomeText.Title) };
        if (view.IsEmpty)
        {
            body.Add(Text(HomeText.Empty));
            return Card(body, HomeText.Fallback(view));
        }

        body.Add(Heading(HomeText.StepsHeading));
        if (view.Steps.Count == 0)
            body.Add(Subtle(HomeText.NoSteps));
        var steps = view.Steps.Take(maxRows).ToList();
        foreach (var step in steps)
        {
            var actions = new List<CardAction>();
            if (step.DoneCommand is { } done)
                actions.Add(Command(HomeText.DoneLabel, done, style: ActionStyle.Positive));
            actions.Add(Command(HomeText.OpenLabel, step.OpenCommand));
            body.Add(new Container(
            [
                Line(Bold(HomeText.Person(step))),
                Line(new TextRun(HomeText.StepLine(step)) { Color = step.Overdue ? TextColor.Attention : null, IsSubtle = !step.Overdue }) with { Spacing = Spacing.None },
                new ActionSet(actions),
            ]) { Spacing = Spacing.Small });
        }

        AddMore(body, view.StepsTotal, steps.Count);

        body.Add(Heading(HomeText.MapsHeading));
        if (view.Maps.Count == 0)
            body.Add(Subtle(HomeText.NoMaps));
        var maps = view.Maps.Take(maxRows).ToList();
        foreach (var map in maps)
        {
            body.Add(new Container(
            [
                Text(HomeText.MapLine(map)),
                new ActionSet([Command(HomeText.OpenLabel, map.OpenCommand)]),
            ]) { Spacing = Spacing.Small });
        }

        AddMore(body, view.MapsTotal, maps.Count);

        body.Add(Heading(HomeText.ChangesHeading));
        if (view.Changes.Count == 0)
            body.Add(Subtle(HomeText.NoChanges));
        var changes = view.Changes.Take(maxRows).ToList();
        body.AddRange(changes.Select(c => (CardElement)(Text(HomeText.ChangeLine(c)) with { Spacing = Spacing.Small })));
        AddMore(body, view.ChangesTotal, changes.Count);
        return Card(body, HomeText.Fallback(view));
    }

    private static void AddMore(List<CardElement> body, int total, int shown)
    {
        if (HomeText.More(total, shown) is { } more)
            body.Add(Subtle(more));
    }
}
