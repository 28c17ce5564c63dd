using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountBot.Slack.Tests.Blocks;

/// <summary>
/// Compares JSON with <c>Golden/NAME.json</c> in the source tree. Set ACCOUNTBOT_UPDATE_GOLDEN=1 to rewrite the
/// files after an intended change, then review the diff.
/// </summary>
internal static class GoldenJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void AssertMatches(string name, string json, [CallerFilePath] string callerPath = "")
    {
        var projectDir = Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!;
        var path = Path.Combine(projectDir, "Golden", name + ".json");
        var actual = JsonNode.Parse(json)!.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("ACCOUNTBOT_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);

        Assert.True(File.Exists(path), $"golden file {path} is missing; run with ACCOUNTBOT_UPDATE_GOLDEN=1");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json)), $"JSON differs from {path}:\n{actual}");
    }
}
