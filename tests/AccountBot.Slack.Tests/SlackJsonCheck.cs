using System.Text.Json;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests;

/// <summary>Writes payloads as <c>NAME.KIND.json</c> files and has Slack's published types judge them (<c>check slack-json</c>).</summary>
internal static class SlackJsonCheck
{
    public static async Task<SlackContractCheck.Result> RunAsync(DirectoryInfo folder, IEnumerable<(string Name, object Value, Type Type)> samples)
    {
        var files = samples.Select(s =>
        {
            var path = Path.Combine(folder.FullName, s.Name + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(s.Value, s.Type, SlackJsonContext.Default));
            return path;
        }).ToList();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await SlackContractCheck.RunAsync("slack-json", files, timeout.Token);
    }
}
