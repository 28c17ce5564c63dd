using System.Diagnostics;

namespace AccountBot.Teams.Tests;

/// <summary>
/// Runs <c>tests/contract-checks/check TOOL ARGS…</c> (Microsoft's own packages judge our JSON). The script installs
/// its Node package once per version with <c>npm ci</c> into a cache folder; it needs <c>node</c> and <c>npm</c> on PATH.
/// </summary>
internal static class ContractCheck
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var check = Path.Combine(RepositoryRoot(), "tests", "contract-checks", "check");
        Assert.True(File.Exists(check), $"contract check script not found at {check}");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(check);
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode != SetupFailedExitCode, "The contract checks could not be set up (they need Node.js 20+ and npm on PATH):\n" + output);
        return (process.ExitCode, output);
    }

    /// <summary>What the check script exits with when node or npm is missing or <c>npm ci</c> failed.</summary>
    private const int SetupFailedExitCode = 3;

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AccountBot.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("AccountBot.sln not found above " + AppContext.BaseDirectory);
    }
}
