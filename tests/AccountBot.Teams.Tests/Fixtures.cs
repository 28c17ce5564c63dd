using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Tests;

/// <summary>Reads the JSON files in Fixtures/ (copied next to the test assembly).</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize(Read(name), TeamsJsonContext.Default.Activity)
        ?? throw new InvalidOperationException($"{name} is JSON null");

    /// <summary>
    /// Deep JSON equality where two strings that are the same instant count as equal (Teams writes
    /// <c>…Z</c>, System.Text.Json writes <c>+00:00</c>).
    /// </summary>
    public static bool JsonEquivalent(JsonNode? left, JsonNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (JsonObject a, JsonObject b):
                return a.Count == b.Count && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && JsonEquivalent(p.Value, other));
            case (JsonArray a, JsonArray b):
                return a.Count == b.Count && a.Zip(b).All(p => JsonEquivalent(p.First, p.Second));
            case (JsonValue a, JsonValue b):
                if (a.TryGetValue<string>(out var sa) && b.TryGetValue<string>(out var sb) && sa != sb &&
                    DateTimeOffset.TryParse(sa, out var da) && DateTimeOffset.TryParse(sb, out var db))
                {
                    return da == db;
                }

                return JsonNode.DeepEquals(a, b);
            default:
                return false;
        }
    }
}
