using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace AccountBot.Tests.Hosting;

/// <summary>
/// The built host (<c>dotnet src/AccountBot/bin/{configuration}/net10.0/AccountBot.dll</c>) started as a real process in
/// the Production environment with the listen settings a test chooses (environment variables, <c>--urls</c>), so what is
/// tested is where ASP.NET Core's own precedence puts it, not a <c>WebApplicationFactory</c> override. The process starts
/// with none of <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>ASPNETCORE_HTTPS_PORTS</c>, <c>DOTNET_URLS</c>
/// inherited from the test runner. Readiness: the start-up banner (an event on stdout), then <c>/healthz</c> polled
/// until a bounded deadline.
/// </summary>
internal sealed partial class ListenHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string[] InheritedListenVariables = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "URLS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<string> _listening = [];
    private readonly TaskCompletionSource _bannered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaitedLines = [];
    private readonly string _folder;

    private ListenHostProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>The addresses the start-up banner reported, once <see cref="WaitForBannerAsync"/> returned.</summary>
    public IReadOnlyList<string> ReportedAddresses
    {
        get
        {
            lock (_output)
                return [.. _listening];
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static ListenHostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = LocateHost();
        var folder = Directory.CreateTempSubdirectory("accountbot-listen-").FullName;
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
        foreach (var name in InheritedListenVariables)
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Storage__LiteDb__Path"] = Path.Combine(folder, "bot.db");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__AccountBot.Hosting"] = "Information";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var host = new ListenHostProcess(process, folder);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Exited += (_, _) => host._bannered.TrySetResult();
        process.EnableRaisingEvents = true;
        if (!process.Start())
            throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Waits (bounded) for the banner, then polls <c>/healthz</c> at <paramref name="address"/> until it answers
    /// <c>ok</c> or the deadline passes; fails with the host's output either way.
    /// </summary>
    public async Task WaitUntilHealthyAsync(Uri address)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await _bannered.Task.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"AccountBot printed no start-up banner within {Deadline.TotalSeconds} s:\n{Output}");
        }

        if (_process.HasExited)
            throw new InvalidOperationException($"AccountBot exited with {_process.ExitCode} before it listened:\n{Output}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"AccountBot exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(address, "healthz"), deadline.Token);
                var text = await response.Content.ReadAsStringAsync(deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK && text == "ok")
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening there (yet).
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // One probe timed out; try again.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"/healthz did not answer at {address} within {Deadline.TotalSeconds} s; the banner reported [{string.Join(", ", ReportedAddresses)}]:\n{Output}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"/healthz did not answer at {address} within {Deadline.TotalSeconds} s; the banner reported [{string.Join(", ", ReportedAddresses)}]:\n{Output}");
            }
        }
    }

    /// <summary>A loopback port the OS says is free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Completes when the host prints a line containing <paramref name="text"/> (at once if it already has).</summary>
    public Task WaitForLineAsync(string text, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
                return Task.CompletedTask;
            _awaitedLines.Add((text, seen));
        }

        return seen.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends SIGTERM, as a container runtime or systemd does to stop a service.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} exited with {kill.ExitCode}.");
    }

    /// <summary>The exit code once the process has exited.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temp folder is cleaned by the OS later.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var awaited in _awaitedLines.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Seen.TrySetResult();
                _awaitedLines.Remove(awaited);
            }

            if (Listening().Match(line) is { Success: true } match)
            {
                _listening.Add(match.Groups[1].Value);
                _bannered.TrySetResult();
            }
        }
    }

    internal static string LocateHost()
    {
        var configuration = typeof(ListenHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "AccountBot.sln")))
                continue;
            var dll = Path.Combine(directory.FullName, "src", "AccountBot", "bin", configuration, "net10.0", "AccountBot.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/AccountBot first ({configuration}).", dll);
        }

        throw new InvalidOperationException("AccountBot.sln not found above " + AppContext.BaseDirectory);
    }

    // StartupBanner: "AccountBot is listening on {Address}. Teams: …", once per address the server bound.
    [GeneratedRegex(@"AccountBot is listening on (https?://[^\s]+?)\. Teams")]
    private static partial Regex Listening();
}
