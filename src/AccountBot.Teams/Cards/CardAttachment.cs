using System.Text.Json;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Cards;

/// <summary>Wraps a card as a message attachment.</summary>
public static class CardAttachment
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary><c>{"contentType":"application/vnd.microsoft.card.adaptive","content":card}</c>.</summary>
    public static Attachment Create(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Attachment
        {
            ContentType = ContentType,
            Content = JsonSerializer.SerializeToElement(card, TeamsJsonContext.Default.AdaptiveCard),
        };
    }

    /// <summary>A message activity carrying one card (its <c>fallbackText</c>, if any, as <c>summary</c> text is left to Teams).</summary>
    public static Activity ToMessage(AdaptiveCard card, string? text = null) =>
        Activity.CreateMessage(text, [Create(card)]);
}
