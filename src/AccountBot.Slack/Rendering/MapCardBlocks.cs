using AccountBot.Core.Commands;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The map card as Block Kit: header, coverage gaps first, people by role, last review, and the card's actions.
/// Every word comes from <see cref="MapCardText"/>, so Slack and Teams say the same; this class only lays it out.
/// </summary>
internal static class MapCardBlocks
{
    private const int ReservedBlocks = 4; // last review context, actions, "more" context, spare
    private const int MaxGaps = 20;
    private const string Indent = "      ";

    public static SlackMessage Render(MapView view)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText(view.Name)) };
        if (view.Notice is { Length: > 0 } notice)
            blocks.Add(Context(":sparkles: " + Escape(notice)));

        blocks.Add(Context(Escape(MapCardText.Summary(view))));
        if (MapCardText.PrivateNote(view) is { } privateNote)
            blocks.Add(Context(":lock: " + Escape(privateNote)));

        blocks.Add(view.Gaps.Count == 0
            ? Section(":white_check_mark: " + Bold(MapCardText.NoGaps))
            : Section(":warning: " + Bold(MapCardText.GapsHeading) + "\n" + string.Join("\n", view.Gaps.Take(MaxGaps).Select(g => "• " + Escape(g.Message)))
                + (view.Gaps.Count > MaxGaps ? "\n• " + Escape(MapCardText.More(view.Gaps.Count - MaxGaps)) : string.Empty)));
        blocks.Add(new DividerBlock());

        var sections = view.Groups.SelectMany(g => Pack(g.People.Select(Person), Bold(MapCardText.GroupHeading(g)))).ToList();
        var room = SlackLimits.BlocksPerMessage - blocks.Count - ReservedBlocks;
        if (view.Groups.Count == 0)
            blocks.Add(Section(Escape(MapCardText.Empty)));
        blocks.AddRange(sections.Take(room).Select(Section));
        if (sections.Count > room)
        {
            var shown = sections.Take(room).Sum(s => s.Split('\n').Count(l => l.StartsWith('•')));
            var total = view.Groups.Sum(g => g.People.Count);
            blocks.Add(Context(Escape(MapCardText.More(total - shown))));
        }

        blocks.Add(Context(Escape(MapCardText.Review(view))));
        blocks.Add(Actions(view));

        return new SlackMessage(Escape(MapCardText.Fallback(view)), blocks);
    }

    /// <summary>One person: the name line starts with a bullet (how "more" counts people), the rest are indented.</summary>
    private static string Person(StakeholderLine p)
    {
        var lines = new List<string>
        {
            "• " + Bold(p.Name) + Escape(MapCardText.PersonTitle(p)),
            Indent + Escape(MapCardText.PersonDetail(p)),
        };
        if (MapCardText.PersonRoles(p) is { } roles)
            lines.Add(Indent + Escape(roles));
        if (MapCardText.NextStep(p) is { } next)
            lines.Add(Indent + Escape(next));
        if (MapCardText.EngagementPlan(p) is { } plan)
            lines.Add(Indent + Escape(plan));
        return string.Join("\n", lines);
    }

    private static ActionsBlock Actions(MapView view)
    {
        var map = CommandText.Map(view.CommandName);
        var elements = new List<ActionElement>();
        if (view.UndoCommand is { } undo)
            elements.Add(new ButtonElement(SlackBotIds.MapUndo, MapCardText.UndoLabel) { Value = undo });
        foreach (var (follow, i) in view.FollowButtons.Select((b, i) => (b, i)))
            elements.Add(new ButtonElement(SlackBotIds.FollowButton(i), follow.Label) { Value = follow.Command });
        elements.Add(new ButtonElement(SlackBotIds.MapAdd, MapCardText.AddLabel) { Value = map.Add(), Style = ButtonStyle.Primary });

        var people = view.Groups.SelectMany(g => g.People).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (people.Count is > 0 and <= SlackLimits.OptionsPerSelect)
        {
            elements.Add(new StaticSelectElement(
                SlackBotIds.MapEdit,
                people.Select(p => new Option(new PlainText(p.Name), map.Edit(PersonRef.ForId(p.Id)))))
            {
                Placeholder = MapCardText.EditLabel + "…",
            });
        }
        else if (people.Count > SlackLimits.OptionsPerSelect)
        {
            elements.Add(new ExternalSelectElement(SlackBotIds.MapEditSearch) { Placeholder = $"{MapCardText.EditLabel}… ({MapCardText.TypeAName.ToLowerInvariant()})", MinQueryLength = 0 });
        }

        elements.Add(new ButtonElement(SlackBotIds.MapReviewed, MapCardText.ReviewedLabel) { Value = map.Reviewed });
        elements.Add(new ButtonElement(SlackBotIds.MapHistory, MapCardText.HistoryLabel) { Value = map.History });
        elements.Add(new OverflowElement(SlackBotIds.MapViews,
            [.. Enum.GetValues<MapPicture>().Select(p => new Option(new PlainText(MapCardText.PictureLabel(p)), map.Picture(p)))]));
        return new ActionsBlock(elements) { BlockId = SlackBotIds.MapCardBlockPrefix + view.MapId.ToString("N") };
    }
}
