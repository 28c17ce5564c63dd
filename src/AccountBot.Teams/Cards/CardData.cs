using System.Text.Json;

namespace AccountBot.Teams.Cards;

/// <summary>Builds the <c>data</c> object of a card action from string fields.</summary>
public static class CardData
{
    /// <summary><c>{"key":"value",…}</c>; null values are left out.</summary>
    public static JsonElement Create(params IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                if (value is not null)
                    writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary><c>{"verb":verb, …fields}</c>: the shape AccountBot uses to route Action.Submit.</summary>
    public static JsonElement ForVerb(string verb, params IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        return Create([new KeyValuePair<string, string?>(CardDataKeys.Verb, verb), .. fields]);
    }

    /// <summary><paramref name="data"/> (an object) with <paramref name="key"/> set to <paramref name="value"/>; unchanged when the value is null.</summary>
    public static JsonElement With(JsonElement data, string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (value is null)
            return data;
        if (data.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("Card data must be an object.", nameof(data));
        var fields = data.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String && !string.Equals(p.Name, key, StringComparison.Ordinal))
            .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.GetString()));
        return Create([.. fields, new KeyValuePair<string, string?>(key, value)]);
    }
}
