using System.Globalization;
using AccountBot.EndToEnd.Tests.Product;
using AccountBot.Testing.Resilience;
using Xunit.Abstractions;

namespace AccountBot.EndToEnd.Tests.Resilience;

/// <summary>
/// The crash-safety loop (<see cref="CrashLoop"/>) with a handful of kills, so <c>dotnet test</c> catches a change
/// that loses, duplicates or half-applies an acknowledged stakeholder change when the host dies, or that stops the
/// database from opening afterwards. The full run (50+ kills) is <c>crash-safety</c> in tests/AccountBot.Benchmarks.
/// The seed is random and printed; set ACCOUNTBOT_CRASH_SEED to replay one.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Host_SigKilledFiveTimesUnderLoad_EveryAcknowledgedChangeIsThereOnceAndTheDatabaseOpens()
    {
        // SIGKILL is what this is about; Process.Kill is TerminateProcess on Windows, with other exit codes.
        if (OperatingSystem.IsWindows())
            return;
        var seed = Environment.GetEnvironmentVariable("ACCOUNTBOT_CRASH_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();

        var report = await CrashLoop.RunAsync(
            new CrashLoopOptions
            {
                HostDll = AccountBotHostProcess.LocateHost(),
                Kills = 5,
                InFlight = 20,
                Seed = seed,
                MinLoad = TimeSpan.FromMilliseconds(200),
                MaxLoad = TimeSpan.FromMilliseconds(1200),
                Log = output.WriteLine,
            },
            CancellationToken.None);

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(5, report.KillsSurvived);
        Assert.Equal(report.ChangesAcknowledged, report.ChangesChecked);
    }
}
