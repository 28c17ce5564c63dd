using System.Text.Json;

namespace AccountBot.Slack.Tests;

/// <summary>Reads the real Slack payloads in <c>Fixtures/</c>.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>A slash command fixture is stored as JSON; Slack sends it as form fields.</summary>
    public static Dictionary<string, string> ReadCommandFields(string name) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Read(name)) ?? throw new InvalidOperationException(name);
}
