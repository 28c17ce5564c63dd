using System.Diagnostics;

namespace AccountBot.Testing.Slack;

/// <summary>
/// Runs <c>../shared/tools/check TOOL FILES…</c> (Slack's own packages judging our output), found relative to the
/// repository root (the folder holding <c>AccountBot.sln</c>). The tool installs itself once with npm.
/// The <c>slack-json</c> tool writes into one shared cache folder, so callers must not run it in parallel.
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

    public static string ToolPath => Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "tools", "check"));

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
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
