using System.Diagnostics;

namespace AccountBot.Testing.Slack;

/// <summary>
/// Runs <c>tests/contract-checks/check TOOL FILES…</c> (Slack's own packages judging our output), found relative to
/// the repository root (the folder holding <c>AccountBot.sln</c>). The script installs its Node package once per
/// version with <c>npm ci</c> into a cache folder; it needs <c>node</c> and <c>npm</c> on PATH.
/// </summary>
public static class SlackContractCheck
{
    public sealed record Result(int ExitCode, string Output);

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccountBot.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("AccountBot.sln not found above " + AppContext.BaseDirectory);
    }

    public static string ToolPath => Path.Combine(FindRepositoryRoot(), "tests", "contract-checks", "check");

    /// <summary>What the check script exits with when node or npm is missing or <c>npm ci</c> failed.</summary>
    public const int SetupFailedExitCode = 3;

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath);
        start.ArgumentList.Add(tool);
        foreach (var file in files)
            start.ArgumentList.Add(file);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + ToolPath);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout + await stderr;
        if (process.ExitCode == SetupFailedExitCode)
            throw new InvalidOperationException("The contract checks could not be set up (they need Node.js 20+ and npm on PATH):\n" + output);

        return new Result(process.ExitCode, output);
    }
}
