using AccountBot.Core.Reminders;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using static AccountBot.Teams.Rendering.CardParts;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// The weekly digest: the worst accounts, each with its owner @mentioned (a <c>mention</c> entity so
/// Teams notifies them) and Open map · Mark reviewed · Snooze a week; then "and N more" with <c>map list</c>.
/// </summary>
public sealed class DigestCardRenderer
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
            var mention = "<at>" + item.Owner.Name + "</at>";
            mentions.TryAdd(mention, new Entity
            {
                Type = Entity.MentionType,
                Text = mention,
                Mentioned = new ChannelAccount { Id = item.Owner.Id, Name = item.Owner.Name },
            });
            body.Add(new Container(
            [
                Text($"**{item.Name}** · owner {mention}"),
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
            MsTeams = TeamsCardProperties.FullWidth with { Entities = [.. mentions.Values] },
        };
    }
}
