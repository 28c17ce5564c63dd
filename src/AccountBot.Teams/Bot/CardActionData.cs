using System.Globalization;
using System.Text.Json;
using AccountBot.Teams.Rendering;

namespace AccountBot.Teams.Bot;

/// <summary>
/// The <c>value</c> of an Action.Submit from one of our cards (action data merged with the inputs), read
/// as strings. Null from <see cref="TryRead"/> means the message is not one of our card actions.
/// </summary>
public sealed class CardActionData
{
    private readonly Dictionary<string, string> _fields;

    private CardActionData(string verb, Dictionary<string, string> fields)
    {
        Verb = verb;
        _fields = fields;
    }

    public string Verb { get; }

    public bool InPlace => string.Equals(Get(CardVerbs.Keys.InPlace), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A field or input value, trimmed; null when absent or blank.</summary>
    public string? Get(string key) => _fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Like <see cref="Get"/> but keeps the raw text (a form field the user typed).</summary>
    public string? Raw(string key) => _fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public static CardActionData? TryRead(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data ||
            !data.TryGetProperty(Cards.CardDataKeys.Verb, out var verbElement) ||
            verbElement.ValueKind != JsonValueKind.String ||
            ReadString(verbElement) is not { Length: > 0 } verb)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var property in data.EnumerateObject())
            {
                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (text is not null)
                    fields[property.Name] = text;
            }
        }
        catch (InvalidOperationException)
        {
            // Text that is not valid UTF-8/UTF-16 (a lone surrogate) throws when read: not a submission we can trust a field of.
            return null;
        }

        return new CardActionData(verb, fields);
    }

    private static string? ReadString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Verb} ({_fields.Count} fields)");
}
