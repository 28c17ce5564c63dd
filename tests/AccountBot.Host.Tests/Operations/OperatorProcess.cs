using System.Diagnostics;
using AccountBot.Host.Tests.Hosting;

namespace AccountBot.Host.Tests.Operations;

/// <summary>
/// An operator command run as the operator runs it: <c>dotnet AccountBot.dll &lt;args&gt;</c> (the built host) in the
/// Production environment with the settings a test chooses, waited for until it exits.
/// </summary>
internal static class OperatorProcess
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var dll = ListenHostProcess.LocateHost();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not exit within {Deadline.TotalSeconds} s:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
