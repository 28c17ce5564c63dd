using System.Diagnostics;

namespace AccountBot.Teams.Tests;

/// <summary>Runs <c>../shared/tools/check TOOL ARGS…</c> (Microsoft's own packages judge our JSON).</summary>
internal static class ContractCheck
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var check = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "tools", "check"));
        Assert.True(File.Exists(check), $"contract check tool not found at {check}");
        var start = new ProcessStartInfo(check) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

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
