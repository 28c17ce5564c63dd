using System.Globalization;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// "Your accounts" (<see cref="HomeView"/>) as Block Kit: the App Home tab (<c>views.publish</c>) and the answer to
/// <c>/map mine</c>. Words come from <see cref="HomeText"/>; user text is escaped. Each person has a Done button (or
/// Open map when there is no step), each map an Open map button; their <c>value</c> is the core command they run.
/// </summary>
public static class HomeBlocks
{
    /// <summary>The App Home tab, with <paramref name="notice"/> (what the last button did) on top.</summary>
    public static HomeTabView Tab(HomeView view, string? notice = null) =>
        new(Render(view, notice, SlackBotIds.HomeOpen, SlackBotIds.HomeDone));

    /// <summary>The answer to <c>/map mine</c>: the same blocks, whose buttons answer in the conversation.</summary>
    public static SlackMessage Message(HomeView view) =>
        new(Escape(HomeText.Fallback(view)), Render(view, null, SlackBotIds.OpenMap, SlackBotIds.CommandActionPrefix + "home-done"));

    private static List<Block> Render(HomeView view, string? notice, string openId, string doneId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var blocks = new List<Block> { new HeaderBlock(new PlainText(HomeText.Title)) };
        if (notice is { Length: > 0 })
            blocks.Add(Context(Escape(notice)));
        if (view.IsEmpty)
        {
            blocks.Add(Section(Escape(HomeText.Empty)));
            return blocks;
        }

        blocks.Add(Section(Bold(HomeText.StepsHeading)));
        if (view.Steps.Count == 0)
            blocks.Add(Context(Escape(HomeText.NoSteps)));
        foreach (var (step, i) in view.Steps.Select((s, i) => (s, i)))
        {
            var line = Bold(HomeText.Person(step)) + "\n" + (step.Overdue ? ":warning: " : string.Empty) + Escape(HomeText.StepLine(step));
            var button = step.DoneCommand is { } done
                ? new ButtonElement(Id(doneId, i), HomeText.DoneLabel) { Value = done, Style = ButtonStyle.Primary }
                : new ButtonElement(Id(openId, i), HomeText.OpenLabel) { Value = step.OpenCommand };
            blocks.Add(new SectionBlock(Md(line)) { Accessory = button });
        }

        More(blocks, view.StepsTotal, view.Steps.Count);

        blocks.Add(Section(Bold(HomeText.MapsHeading)));
        if (view.Maps.Count == 0)
            blocks.Add(Context(Escape(HomeText.NoMaps)));
        foreach (var (map, i) in view.Maps.Select((m, i) => (m, i)))
        {
            blocks.Add(new SectionBlock(Md(Escape(HomeText.MapLine(map))))
            {
                Accessory = new ButtonElement(Id(openId, 100 + i), HomeText.OpenLabel) { Value = map.OpenCommand },
            });
        }

        More(blocks, view.MapsTotal, view.Maps.Count);

        blocks.Add(Section(Bold(HomeText.ChangesHeading)));
        if (view.Changes.Count == 0)
            blocks.Add(Context(Escape(HomeText.NoChanges)));
        blocks.AddRange(Pack(view.Changes.Select(c => "• " + Escape(HomeText.ChangeLine(c)))).Select(Section));
        More(blocks, view.ChangesTotal, view.Changes.Count);
        return blocks;
    }

    private static string Id(string prefix, int i) => prefix + ":" + i.ToString(CultureInfo.InvariantCulture);

    private static void More(List<Block> blocks, int total, int shown)
    {
        if (HomeText.More(total, shown) is { } more)
            blocks.Add(Context(Escape(more)));
    }
}
