using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>Reads the cards in Playground frames and computes an Action.Submit value as a Teams client does (data merged with inputs).</summary>
public static class CardJson
{
    public static JsonElement? Card(ConversationFrame frame) =>
        frame.Message?.Attachments is { Count: > 0 } attachments ? attachments[0].Content : null;

    /// <summary>The card's JSON with its text unescaped, for Contains checks.</summary>
    public static string Text(ConversationFrame frame) => Card(frame) is { } card
        ? JsonNode.Parse(card.GetRawText())!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        : frame.Message?.Text ?? string.Empty;

    public static bool Contains(ConversationFrame frame, string text) => Text(frame).Contains(text, StringComparison.Ordinal);

    /// <summary>The value Teams sends for the Action.Submit titled <paramref name="title"/>, with <paramref name="inputs"/> typed in.</summary>
    public static JsonObject Submit(ConversationFrame frame, string title, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var card = JsonNode.Parse(Card(frame)?.GetRawText() ?? throw new InvalidOperationException("The message has no card."))!;
        var action = FindAction(card, title) ?? throw new InvalidOperationException($"No Action.Submit titled '{title}' in {card.ToJsonString()}");
        var value = action["data"]?.DeepClone().AsObject() ?? [];
        CollectInputValues(card, value);
        foreach (var (id, text) in inputs ?? new Dictionary<string, string>())
            value[id] = text;
        return value;
    }

    /// <summary>Every input's current (prefilled) value by id, as the client would send it untouched.</summary>
    private static void CollectInputValues(JsonNode? node, JsonObject into)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) &&
                obj["id"]?.GetValue<string>() is { } id && obj["value"] is { } current)
            {
                into[id] = current.GetValueKind() == JsonValueKind.String ? current.GetValue<string>() : current.ToJsonString();
            }

            foreach (var (_, child) in obj)
                CollectInputValues(child, into);
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
                CollectInputValues(child, into);
        }
    }

    private static JsonNode? FindAction(JsonNode? node, string title)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Submit" && obj["title"]?.GetValue<string>() == title)
                    return obj;
                foreach (var (_, child) in obj)
                {
                    if (FindAction(child, title) is { } found)
                        return found;
                }

                return null;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (FindAction(child, title) is { } found)
                        return found;
                }

                return null;
            default:
                return null;
        }
    }
}
