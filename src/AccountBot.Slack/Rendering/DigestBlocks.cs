using System.Globalization;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Blocks;
using static AccountBot.Slack.Rendering.SlackMarkup;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// The weekly digest: one section (name, what is wrong, the owner mentioned) and one actions block per account, as
/// many as fit in a message; the rest become "and N more" with the <c>map list</c> button.
/// </summary>
internal static class DigestBlocks
{
    private const int BlocksPerItem = 2;

    public static SlackMessage Render(Digest digest)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText(digest.Title)) };
        var room = (SlackLimits.BlocksPerMessage - blocks.Count - 2) / BlocksPerItem;
        var shown = digest.Items.Take(room).ToList();
        foreach (var item in shown)
        {
            blocks.Add(Section($"*{Escape(item.Name)}* — {Escape(item.Summary)}\nOwner: {Mention(item.Owner)}"));
            blocks.Add(new ActionsBlock(
            [
                new ButtonElement(SlackBotIds.DigestOpen, "Open map") { Value = item.OpenCommand, Style = ButtonStyle.Primary },
                new ButtonElement(SlackBotIds.DigestReviewed, "Mark reviewed") { Value = item.ReviewedCommand },
                new ButtonElement(SlackBotIds.DigestSnooze, "Snooze a week") { Value = item.SnoozeCommand },
            ]));
        }

        var more = digest.MoreCount + (digest.Items.Count - shown.Count);
        if (more > 0)
        {
            blocks.Add(new SectionBlock(Md(string.Create(CultureInfo.InvariantCulture, $"and {more} more · `{Digest.ListAllCommand}`")))
            {
                Accessory = new ButtonElement(SlackBotIds.DigestList, "List all") { Value = Digest.ListAllCommand },
            });
        }

        return new SlackMessage(Escape(digest.Title), blocks);
    }
}
