using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AccountBot.Slack.Protocol;

/// <summary>
/// Reads <c>event</c> by its <c>type</c>. Not STJ's built-in polymorphism: that cannot also expose <c>type</c> as a
/// property, and it fails on unknown discriminators, while Slack adds event types all the time.
/// </summary>
public sealed class SlackEventConverter : JsonConverter<SlackEvent>
{
    public override SlackEvent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException("event is not an object");
        var type = doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            SlackEventTypes.AppMention => Deserialize<AppMentionEvent>(doc, options),
            SlackEventTypes.AppHomeOpened => Deserialize<AppHomeOpenedEvent>(doc, options),
            SlackEventTypes.AppUninstalled => Deserialize<AppUninstalledEvent>(doc, options),
            SlackEventTypes.TokensRevoked => Deserialize<TokensRevokedEvent>(doc, options),
            SlackEventTypes.ChannelShared or SlackEventTypes.ChannelUnshared => Deserialize<ChannelSharingEvent>(doc, options),
            null => throw new JsonException("event without 'type'"),
            _ => Deserialize<UnknownSlackEvent>(doc, options),
        };
    }

    public override void Write(Utf8JsonWriter writer, SlackEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    private static T? Deserialize<T>(JsonDocument doc, JsonSerializerOptions options)
        where T : SlackEvent =>
        doc.RootElement.Deserialize((JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
