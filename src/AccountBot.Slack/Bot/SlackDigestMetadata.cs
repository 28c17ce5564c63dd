using AccountBot.Core.Reminders;
using AccountBot.Slack.WebApi;

namespace AccountBot.Slack.Bot;

/// <summary>
/// The message metadata a digest is posted with, so that <see cref="SlackDigestDeliveryCheck"/> can recognise it in
/// the channel's history after an attempt whose answer was lost: the event type and the outbox's digest key.
/// </summary>
public static class SlackDigestMetadata
{
    public const string EventType = "accountbot_weekly_digest";
    public const string DigestKeyField = "digest_key";

    public static SlackMessageMetadata For(DigestKey key) =>
        new(EventType, new Dictionary<string, string>(StringComparer.Ordinal) { [DigestKeyField] = key.Value });

    /// <summary>Whether a message from conversations.history is the digest with this key.</summary>
    public static bool Marks(HistoryMessage message, DigestKey key)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Metadata is { EventType: EventType, EventPayload: { ValueKind: System.Text.Json.JsonValueKind.Object } payload }
            && payload.TryGetProperty(DigestKeyField, out var value)
            && value.ValueKind == System.Text.Json.JsonValueKind.String
            && string.Equals(value.GetString(), key.Value, StringComparison.Ordinal);
    }
}
