using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Slack.Protocol;

/// <summary>
/// An Events API request body, switched on <c>type</c>: <see cref="UrlVerificationEnvelope"/>,
/// <see cref="EventCallbackEnvelope"/>, or <see cref="UnknownEventEnvelope"/> (e.g. <c>app_rate_limited</c>).
/// </summary>
public abstract record SlackEventEnvelope
{
    public required string Type { get; init; }
    public string? ApiAppId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    public static SlackEventEnvelope Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var doc = JsonDocument.ParseValue(ref reader);
            var type = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            var context = SlackJsonContext.Default;
            SlackEventEnvelope? result = type switch
            {
                "url_verification" => doc.RootElement.Deserialize(context.UrlVerificationEnvelope),
                "event_callback" => doc.RootElement.Deserialize(context.EventCallbackEnvelope),
                null => throw new SlackPayloadException("event envelope without 'type'"),
                _ => doc.RootElement.Deserialize(context.UnknownEventEnvelope),
            };
            return result switch
            {
                null => throw new SlackPayloadException("event envelope is null"),
                EventCallbackEnvelope { Authorizations: var authorizations } when authorizations.Any(a => a is null) => throw new SlackPayloadException("event with a null authorization"),
                _ => result,
            };
        }
        catch (JsonException e)
        {
            throw new SlackPayloadException("event envelope is not valid: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // A string that is not valid UTF-8/UTF-16 (e.g. a lone surrogate escape) throws when it is read.
            throw new SlackPayloadException("event envelope has unreadable text: " + e.Message, e);
        }
    }
}
