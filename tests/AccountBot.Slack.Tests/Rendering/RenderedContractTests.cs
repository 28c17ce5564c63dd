using System.Text.Json;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>
/// Everything the bot can send, judged by Slack's own published types (<c>check slack-json</c>), plus the limits the
/// type check cannot see.
/// </summary>
[Collection(ContractCheckCollection.Name)]
public sealed class RenderedContractTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("slack-bot-json-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Check_EveryRenderedMessageModalAndResponse_SlackTypesAccept()
    {
        var result = await SlackJsonCheck.RunAsync(_dir, await RenderedViews.AllAsync());

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Render_Everything_StaysWithinLimitsTheTypeCheckCannotSee()
    {
        foreach (var (name, value, type) in await RenderedViews.AllAsync())
        {
            var json = JsonSerializer.SerializeToElement(value, type, SlackJsonContext.Default);
            var view = json.TryGetProperty("view", out var v) ? v : json.TryGetProperty("type", out var t) && t.GetString() == "modal" ? json : (JsonElement?)null;
            if (view is { } modal)
            {
                Assert.True(modal.GetProperty("title").GetProperty("text").GetString()!.Length <= 24, name + ": title");
                foreach (var button in new[] { "submit", "close" })
                {
                    if (modal.TryGetProperty(button, out var b))
                        Assert.True(b.GetProperty("text").GetString()!.Length <= 24, $"{name}: {button}");
                }

                var blocks = modal.GetProperty("blocks");
                Assert.True(blocks.GetArrayLength() <= 100, name + ": blocks");
                if (blocks.EnumerateArray().Any(b => b.GetProperty("type").GetString() == "input"))
                    Assert.True(modal.TryGetProperty("submit", out _), name + ": submit with inputs");
                if (modal.TryGetProperty("private_metadata", out var metadata))
                    Assert.True(metadata.GetString()!.Length <= 3000, name + ": private_metadata");
            }
            else if (json.TryGetProperty("blocks", out var blocks))
            {
                Assert.True(blocks.GetArrayLength() <= 50, $"{name}: {blocks.GetArrayLength()} blocks");
            }

            foreach (var options in Arrays(json, "options").Concat(Arrays(json, "initial_options")))
            {
                Assert.True(options.GetArrayLength() <= 100, name + ": options");
                foreach (var option in options.EnumerateArray())
                    Assert.True(option.GetProperty("text").GetProperty("text").GetString()!.Length <= 75, name + ": option text");
            }
        }
    }

    private static IEnumerable<JsonElement> Arrays(JsonElement element, string property)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (p.Name == property && p.Value.ValueKind == JsonValueKind.Array)
                    yield return p.Value;
                foreach (var nested in Arrays(p.Value, property))
                    yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Arrays(item, property))
                    yield return nested;
            }
        }
    }
}
