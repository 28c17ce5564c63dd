using System.Reflection;
using System.Text.Json;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Fixtures;

/// <summary>
/// The captured Playground payloads under <c>Fixtures/playground-*.json</c>. Every run writes what it saw to
/// <c>bin/…/captured/</c>; the committed fixture is written only when missing or when
/// <c>ACCOUNTBOT_E2E_RECORD=1</c>, and otherwise compared by shape (property paths and value kinds, not values:
/// ids and timestamps change every run), so a Playground upgrade that changes the payloads fails loudly.
/// </summary>
public static class PlaygroundFixtures
{
    public const string RecordVariable = "ACCOUNTBOT_E2E_RECORD";

    /// <summary>Saves <paramref name="payload"/> as <c>playground-{name}.json</c> and returns the committed fixture's shape difference.</summary>
    public static async Task<ShapeDifference> CaptureAsync(string name, JsonElement payload, CancellationToken cancellationToken)
    {
        var fileName = $"playground-{name}.json";
        var text = JsonSerializer.Serialize(payload, PlaygroundJson.Pretty) + "\n";
        var captured = Path.Combine(AppContext.BaseDirectory, "captured");
        Directory.CreateDirectory(captured);
        await File.WriteAllTextAsync(Path.Combine(captured, fileName), text, cancellationToken);

        var sourceDirectory = SourceFixturesDirectory();
        var committedPath = sourceDirectory is null ? Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName) : Path.Combine(sourceDirectory, fileName);
        var record = Environment.GetEnvironmentVariable(RecordVariable) == "1";
        if (sourceDirectory is not null && (record || !File.Exists(committedPath)))
            await File.WriteAllTextAsync(committedPath, text, cancellationToken);

        if (!File.Exists(committedPath))
            return new ShapeDifference(fileName, [], []);
        using var committed = JsonDocument.Parse(await File.ReadAllTextAsync(committedPath, cancellationToken));
        var expected = Shape(committed.RootElement);
        var actual = Shape(payload);
        return new ShapeDifference(fileName, [.. expected.Except(actual).Order()], [.. actual.Except(expected).Order()]);
    }

    /// <summary>Every property path with its value kind, array items folded into <c>[]</c>.</summary>
    public static IReadOnlySet<string> Shape(JsonElement element)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(element, "$", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string path, HashSet<string> paths)
    {
        paths.Add($"{path}:{element.ValueKind}");
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
                Walk(property.Value, $"{path}.{property.Name}", paths);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Walk(item, path + "[]", paths);
        }
    }

    private static string? SourceFixturesDirectory()
    {
        var project = typeof(PlaygroundFixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        var directory = project is null ? null : Path.Combine(project, "Fixtures");
        return directory is not null && Directory.Exists(directory) ? directory : null;
    }
}
