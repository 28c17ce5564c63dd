using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace AccountBot.Benchmarks.Teams;

/// <summary>The real AccountBot host from its build output, Development environment (dev bypass), temp LiteDB, warnings-only logging.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private HostProcess(Process process, string folder, Uri endpoint)
    {
        _process = process;
        _folder = folder;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => new(Endpoint, "/");

    /// <summary>The host process, for CPU and memory readings.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The CPU time the host has used so far (user + system), in milliseconds.</summary>
    public double CpuMilliseconds()
    {
        // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 per second here).
        var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <param name="databasePath">A prepared database file to run on (default: a new one in the temp folder).</param>
    /// <param name="environment">More settings, as environment variables (<c>Slack__SigningSecret</c>…).</param>
    public static async Task<HostProcess> StartAsync(string? databasePath = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var root = AppContext.BaseDirectory;
        var directory = new DirectoryInfo(root);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AccountBot.sln")))
            directory = directory.Parent;
        // ACCOUNTBOT_HOST_DLL runs a published build instead (e.g. one published with ReadyToRun, see Teams/README.md).
        var dll = Environment.GetEnvironmentVariable("ACCOUNTBOT_HOST_DLL") is { Length: > 0 } published
            ? Path.GetFullPath(published)
            : Path.Combine(directory?.FullName ?? throw new InvalidOperationException("AccountBot.sln not found"), "src", "AccountBot", "bin", configuration, "net10.0", "AccountBot.dll");
        var folder = Directory.CreateTempSubdirectory("accountbot-teams-load-").FullName;
        var port = TeamsLoad.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__LiteDb__Path"] = databasePath ?? Path.Combine(folder, "accountbot.db");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        start.Environment["Teams__DangerouslyAllowUnauthenticatedRequests"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The bypass warns on every request (by design); a console line per request is not what is measured here.
        start.Environment["Logging__LogLevel__AccountBot.Teams.Security"] = "Error";
        if (Environment.GetEnvironmentVariable("TEAMS_LOAD_MIN_THREADS") is { } min)
            start.Environment["DOTNET_ThreadPool_ForceMinWorkerThreads"] = min;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, folder, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/api/messages")));
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/readyz")));
                if (ready.StatusCode == HttpStatusCode.OK)
                    return host;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException("AccountBot did not become ready.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
