using AccountBot.Operations;
using AccountBot.Host.Tests.Reminders;

namespace AccountBot.Host.Tests.Operations;

/// <summary><c>doctor</c>: one line per check, exit code 0 only when every check passes.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class DoctorTests : IDisposable
{
    private readonly TestHost hosts = new("doctor");

    public void Dispose() => hosts.Dispose();

    private async Task<(int Code, string Output)> DoctorAsync(params (string Key, string Value)[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCli.RunAsync(
            ["doctor"],
            output,
            error,
            builder =>
            {
                builder.Configuration["Storage:LiteDb:Path"] = hosts.DatabasePath;
                foreach (var (key, value) in settings)
                    builder.Configuration[key] = value;
            },
            CancellationToken.None);
        return (code, output + error.ToString());
    }

    [Fact]
    public async Task Doctor_GoodSlackConfiguration_EveryCheckPassesExit0()
    {
        var (code, output) = await DoctorAsync(("Slack:SigningSecret", "s3cret"), ("Slack:BotToken", "xoxb-1"));

        Assert.True(code == CliExitCode.Ok, output);
        Assert.Contains("ok   configuration: every section validates", output, StringComparison.Ordinal);
        Assert.Contains("ok   database: none yet at " + hosts.DatabasePath, output, StringComparison.Ordinal);
        Assert.Contains("ok   slack: configured for one workspace", output, StringComparison.Ordinal);
        Assert.Contains("ok   teams: not configured", output, StringComparison.Ordinal);
        Assert.Contains("All checks passed.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SettingsOnTheCommandLine_TakenAsTheBotTakesThem()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await OperatorCli.RunAsync(
            ["doctor", "--Storage:LiteDb:Path=" + hosts.DatabasePath, "--Slack:SigningSecret=s3cret", "--Slack:BotToken=xoxb-1"],
            output,
            error,
            null,
            CancellationToken.None);

        Assert.True(code == CliExitCode.Ok, output + error.ToString());
        Assert.Contains("ok   database: none yet at " + hosts.DatabasePath, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ok   slack: configured for one workspace", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SlackSigningSecretWithoutBotToken_Exit1NamingSlackBotToken()
    {
        var (code, output) = await DoctorAsync(("Slack:SigningSecret", "s3cret"));

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains("FAIL slack: Slack:BotToken is missing", output, StringComparison.Ordinal);
        Assert.Contains("1 check(s) failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_InvalidSetting_Exit1NamingTheKey()
    {
        var (code, output) = await DoctorAsync(("Slack:SigningSecret", "s3cret"), ("Slack:BotToken", "xoxb-1"), ("Coverage:StaleAfterDays", "0"));

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains("FAIL configuration: Coverage:StaleAfterDays", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_NoPlatform_Exit1SayingNobodyCanTalkToTheBot()
    {
        var (code, output) = await DoctorAsync();

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains("FAIL platforms: neither Slack nor Teams is configured", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WhileTheBotRuns_AsksTheBotAndPasses()
    {
        await using var bot = hosts.Create();
        _ = bot.Server;

        var (code, output) = await DoctorAsync(("Slack:SigningSecret", "s3cret"), ("Slack:BotToken", "xoxb-1"));

        Assert.True(code == CliExitCode.Ok, output);
        Assert.Contains($"ok   database: {hosts.DatabasePath} is held by the running bot, which answers ready", output, StringComparison.Ordinal);
        Assert.Contains("ok   link signing key: ", output, StringComparison.Ordinal);
        Assert.Contains("ok   data protection key ring: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SigningKeyFileDamaged_Exit1SayingWhatToDo()
    {
        Directory.CreateDirectory(hosts.Folder);
        await File.WriteAllTextAsync(Path.Combine(hosts.Folder, "picture-signing.key"), "not a key");

        var (code, output) = await DoctorAsync(("Slack:SigningSecret", "s3cret"), ("Slack:BotToken", "xoxb-1"));

        Assert.Equal(CliExitCode.CouldNotRun, code);
        Assert.Contains("FAIL link signing key: ", output, StringComparison.Ordinal);
        Assert.Contains("Pictures:SigningKey", output, StringComparison.Ordinal);
    }
}
