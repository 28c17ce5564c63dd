using AccountBot.Core.Nudges;
using AccountBot.Core.Text;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// A nudge as a direct message: a header, then per due step its line and Done / Snooze / Open map buttons (as many as
/// fit in a message); an event's one line with an Open map button. The buttons carry Core's command texts.
/// </summary>
internal static class NudgeBlocks
{
    private const int BlocksPerStep = 2;

    public static SlackMessage Render(Nudge nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var blocks = new List<Block> { new HeaderBlock(new PlainText(Truncate(nudge.Title))) };
        if (nudge.Steps.Count == 0)
        {
            blocks.AddRange(nudge.Lines.Select(l => (Block)Section(Escape(l))));
            if (nudge.OpenCommand is { } open)
            {
                blocks.Add(new ActionsBlock([new ButtonElement(SlackBotIds.NudgeOpen, Sentences.NudgeButtonOpen) { Value = open, Style = ButtonStyle.Primary }]));
            }
        }
        else
        {
            var room = (SlackLimits.BlocksPerMessage - blocks.Count) / BlocksPerStep;
            for (var i = 0; i < nudge.Steps.Count && i < room; i++)
            {
                var step = nudge.Steps[i];
                blocks.Add(Section(Escape(nudge.Lines[i])));
                blocks.Add(new ActionsBlock(
                [
                    new ButtonElement(SlackBotIds.NudgeDone, Sentences.NudgeButtonDone) { Value = step.DoneCommand, Style = ButtonStyle.Primary },
                    new ButtonElement(SlackBotIds.NudgeSnooze, Sentences.NudgeButtonSnooze) { Value = step.SnoozeCommand },
                    new ButtonElement(SlackBotIds.NudgeOpen, Sentences.NudgeButtonOpen) { Value = step.OpenCommand },
                ]));
            }
        }

        return new SlackMessage(Escape(nudge.Title), blocks);
    }

    // A header's plain text holds at most 150 characters.
    private static string Truncate(string text) => text.Length <= 150 ? text : text[..149] + "…";
}
