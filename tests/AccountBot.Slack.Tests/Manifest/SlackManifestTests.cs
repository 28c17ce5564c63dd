using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Manifest;

/// <summary><c>manifests/slack/manifest.yml</c>, with its URL filled in, is judged by Slack's manifest schema and matches our endpoints.</summary>
[Collection(ContractCheckCollection.Name)]
public sealed class SlackManifestTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("slack-manifest-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Manifest() =>
        File.ReadAllText(Path.Combine(SlackContractCheck.FindRepositoryRoot(), "manifests", "slack", "manifest.yml"))
            .Replace("PUBLIC_URL", "https://example.com", StringComparison.Ordinal);

    [Fact]
    public async Task Check_ManifestWithPublicUrl_SchemaAccepts()
    {
        var path = Path.Combine(_dir.FullName, "manifest.yml");
        await File.WriteAllTextAsync(path, Manifest());

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SlackContractCheck.RunAsync("slack-manifest", [path], timeout.Token);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Check_ManifestWithUnknownKey_Fails()
    {
        // Proves the schema check can fail: Slack's schema allows no keys it does not define.
        var path = Path.Combine(_dir.FullName, "unknown-key.yml");
        await File.WriteAllTextAsync(path, Manifest() + "\nreminders_enabled: true\n");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SlackContractCheck.RunAsync("slack-manifest", [path], timeout.Token);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAIL " + path, result.Output, StringComparison.Ordinal);
        Assert.Contains("reminders_enabled", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_UrlsAndCommand_MatchTheEndpointsWeMap()
    {
        var manifest = Manifest();

        Assert.Contains("command: " + SlackBotIds.SlashCommand, manifest, StringComparison.Ordinal);
        foreach (var path in new[] { SlackRequestHandler.Commands, SlackRequestHandler.Interactivity, SlackRequestHandler.Options, SlackRequestHandler.Events, SlackRequestHandler.OAuthCallback })
            Assert.Contains("https://example.com" + path, manifest, StringComparison.Ordinal);
        foreach (var scope in new[] { "commands", "chat:write", "app_mentions:read", "users:read", "channels:read", "groups:read", "im:write", "files:write", "channels:history", "groups:history", "im:read", "mpim:read" })
            Assert.Contains("- " + scope + "\n", manifest, StringComparison.Ordinal);
    }
}
