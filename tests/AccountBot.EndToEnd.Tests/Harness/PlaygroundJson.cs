using System.Text.Encodings.Web;
using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>JSON settings for the Playground's API: camelCase, and pretty output for fixtures and messages.</summary>
public static class PlaygroundJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Indented, with characters like &lt; and &apos; left readable (fixtures are read by people).</summary>
    public static JsonSerializerOptions Pretty { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions OneLine = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static T Parse<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");

    /// <summary>One line of raw JSON, cut to <paramref name="max"/> characters, for failure messages.</summary>
    public static string Short(JsonElement element, int max = 400)
    {
        var text = JsonSerializer.Serialize(element, OneLine);
        return text.Length <= max ? text : text[..max] + "…";
    }
}
