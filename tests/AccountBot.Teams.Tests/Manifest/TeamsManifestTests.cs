using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace AccountBot.Teams.Tests.Manifest;

public sealed class TeamsManifestTests(ITestOutputHelper output)
{
    private const string SampleAppId = "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    [Fact]
    public async Task BuildPackage_SampleAppId_PassesTeamsManifestCheck()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-teams-package-");
        try
        {
            var zip = await BuildAsync(folder.FullName);

            var (exitCode, text) = await ContractCheck.RunAsync("teams-manifest", [Path.Combine(folder.FullName, "package"), SampleAppId]);

            output.WriteLine(text);
            Assert.True(exitCode == 0, "teams-manifest check failed:\n" + text);
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TeamsManifestCheck_UnknownKeyAndOtherBotId_Fails()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-teams-package-");
        try
        {
            await BuildAsync(folder.FullName);
            var package = Path.Combine(folder.FullName, "package");
            var manifestPath = Path.Combine(package, "manifest.json");
            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();
            manifest["remindersEnabled"] = true;
            await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());

            var (exitCode, text) = await ContractCheck.RunAsync("teams-manifest", [package, "00000000-0000-4000-8000-000000000000"]);

            output.WriteLine(text);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("remindersEnabled", text, StringComparison.Ordinal);
            Assert.Contains("no bot has botId 00000000-0000-4000-8000-000000000000", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BuildPackage_SampleAppId_ReplacesEveryPlaceholder()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-teams-package-");
        try
        {
            await BuildAsync(folder.FullName);

            var manifest = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "package", "manifest.json"));
            Assert.DoesNotContain("{{", manifest, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(manifest);
            var bot = document.RootElement.GetProperty("bots")[0];
            Assert.Equal(SampleAppId, bot.GetProperty("botId").GetString());
            Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(["map", "map list", "map help"], bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
            Assert.Equal("accountbot.contoso.com", document.RootElement.GetProperty("validDomains")[0].GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BuildPackage_OffersTheMessageActionTheBotAnswers()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-teams-package-");
        try
        {
            await BuildAsync(folder.FullName);

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "package", "manifest.json")));
            var extension = Assert.Single(document.RootElement.GetProperty("composeExtensions").EnumerateArray());
            Assert.Equal(SampleAppId, extension.GetProperty("botId").GetString());
            var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());
            Assert.Equal(AccountBot.Teams.Bot.TeamsMessageActions.CaptureCommand, command.GetProperty("id").GetString());
            Assert.Equal("action", command.GetProperty("type").GetString());
            Assert.Equal(["message"], command.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
            Assert.True(command.GetProperty("fetchTask").GetBoolean());
            Assert.Equal(AccountBot.Core.Text.Sentences.CaptureTitle, command.GetProperty("title").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> BuildAsync(string outDir)
    {
        var script = Path.Combine(ContractCheck.RepositoryRoot(), "manifests", "teams", "build-package.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, SampleAppId, "accountbot.contoso.com", outDir })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "build-package.sh failed:\n" + stdout + stderr);
        return stdout.Trim();
    }
}
