using System.Globalization;
using System.Reflection;
using AccountBot.Testing.Resilience;

namespace AccountBot.Benchmarks.CrashSafety;

/// <summary>
/// <c>dotnet run -c Release --project tests/AccountBot.Benchmarks -- crash-safety [kills=50] [inflight=40] [seed] [checkpoint=pages]</c>:
/// the <see cref="CrashLoop"/> against the Release host, one line per kill, then the figures. <c>checkpoint=1</c>
/// makes LiteDB copy its log into the data file after every commit, so kills hit checkpoints and their recovery. Exit code 0 when every
/// kill was survived with nothing lost, duplicated or half-applied; 1 on any violation; 2 on bad arguments.
/// </summary>
public static class CrashSafetyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int? checkpoint = null;
        if (args.Length > 0 && args[^1].StartsWith("checkpoint=", StringComparison.Ordinal))
        {
            if (!int.TryParse(args[^1]["checkpoint=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pages) || pages < 1)
                return await UsageAsync();
            checkpoint = pages;
            args = args[..^1];
        }

        if (!TryParse(args, out var kills, out var inFlight, out var seed))
            return await UsageAsync();

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var report = await CrashLoop.RunAsync(
            new CrashLoopOptions { HostDll = LocateHost(), Kills = kills, InFlight = inFlight, Seed = seed, CheckpointPages = checkpoint, Log = Console.WriteLine },
            stop.Token);
        Console.WriteLine(report);
        Console.WriteLine(report.Passed ? "PASSED" : "FAILED");
        return report.Passed ? 0 : 1;
    }

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync("usage: crash-safety [kills=50] [inflight=40] [seed] [checkpoint=pages]   (kills >= 1, inflight >= 2, pages >= 1)");
        return 2;
    }

    private static bool TryParse(string[] args, out int kills, out int inFlight, out int seed)
    {
        kills = 50;
        inFlight = 40;
        seed = Random.Shared.Next();
        return args.Length <= 3
            && (args.Length < 1 || (int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out kills) && kills >= 1))
            && (args.Length < 2 || (int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out inFlight) && inFlight >= 2))
            && (args.Length < 3 || int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out seed));
    }

    /// <summary>The host built in this program's configuration (Release when run as the README says).</summary>
    private static string LocateHost()
    {
        var configuration = typeof(CrashSafetyCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AccountBot.sln")))
                return Path.Combine(directory.FullName, "src", "AccountBot", "bin", configuration, "net10.0", "AccountBot.dll");
        }

        throw new InvalidOperationException("AccountBot.sln not found above " + AppContext.BaseDirectory);
    }
}
