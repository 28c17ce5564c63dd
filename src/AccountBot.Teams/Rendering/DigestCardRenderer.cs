using System.Text.RegularExpressions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The weekly digest: the worst accounts, each with its owner @mentioned (a <c>mention</c> entity so
/// Teams notifies them) and Open map · Mark reviewed · Snooze a week; then "and N more" with <c>map list</c>.
/// </summary>
public sealed partial class DigestCardRenderer
{
    public const int DefaultMaxItems = 25;

    public AdaptiveCard Render(Digest digest, int maxItems = DefaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var body = new List<CardElement> { Title(digest.Title) };
        var mentions = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var shown = digest.Items.Take(maxItems).ToList();
        foreach (var item in shown)
        {
            body.Add(new Container(
            [
                Line(Bold(item.Name)),
                Owner(item.Owner, mentions),
                Colored(item.Summary, TextColor.Attention) with { Spacing = Spacing.None },
                new ActionSet(
                [
                    Command("Open map", item.OpenCommand),
                    Command("Mark reviewed", item.ReviewedCommand),
                    Command("Snooze a week", item.SnoozeCommand),
                ]),
            ]) { Separator = true, Spacing = Spacing.Medium });
        }

        var more = digest.MoreCount + (digest.Items.Count - shown.Count);
        var actions = new List<CardAction>();
        if (more > 0)
        {
            body.Add(Subtle(More(more)) with { Spacing = Spacing.Medium });
            actions.Add(Command("All accounts", digest.ListCommand));
        }

        return Card(body, digest.Title, actions) with
        {
            MsTeams = TeamsCardProperties.FullWidth with { Entities = mentions.Count > 0 ? [.. mentions.Values] : null },
        };
    }

    /// <summary>
    /// "owner @Name": a mention must sit in a TextBlock, which Teams reads as markdown, so only a name
    /// made of letters, digits, spaces and name punctuation is mentioned; any other is shown literally, unmentioned.
    /// </summary>
    private static CardElement Owner(UserRef owner, Dictionary<string, Entity> mentions)
    {
        if (!IsPlainName(owner.Name))
            return Subtle("owner " + owner.Name);
        var mention = "<at>" + owner.Name + "</at>";
        mentions.TryAdd(mention, new Entity
        {
            Type = Entity.MentionType,
            Text = mention,
            Mentioned = new ChannelAccount { Id = owner.Id, Name = owner.Name },
        });
        return new TextBlock("owner " + mention) { Wrap = true, IsSubtle = true, Spacing = Spacing.None };
    }

    // A dot only before a space or at the end ("J. Smith Jr."), so a name cannot read as a web address.
    [GeneratedRegex(@"^(?:[\p{L}\p{M}\p{N} '’-]|\.(?= |$))+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PlainName();

    private static bool IsPlainName(string name) => name.Length is > 0 and <= 100 && name.Trim().Length > 0 && PlainName().IsMatch(name);
}
