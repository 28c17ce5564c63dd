using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>
/// The real AccountBot host, started from its build output as <c>dotnet AccountBot.dll --urls …</c> in the
/// Development environment with a fresh LiteDB file, so the Playground talks to exactly what ships. With a
/// <see cref="AccountBotHostSettings.Folder"/> and <see cref="AccountBotHostSettings.Port"/> of its own choosing, a test
/// can stop it (<see cref="StopAsync"/>), work on its database file, and start it again where the Playground expects it.
/// </summary>
public sealed class AccountBotHostProcess : IAsyncDisposable
{
    private const string DatabaseFile = "accountbot.db";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly List<OutputWaiter> _waiters = [];

    private AccountBotHostProcess(Process process, StringBuilder output, string folder, bool ownsFolder, Uri baseAddress)
    {
        _process = process;
        _output = output;
        _folder = folder;
        _ownsFolder = ownsFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The host's LiteDB file (open it only while the host is stopped: the bot holds it exclusively).</summary>
    public string DatabasePath => Path.Combine(_folder, DatabaseFile);

    public Uri Endpoint => new(BaseAddress, "api/messages");

    /// <summary>Everything the host printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <param name="allowUnauthenticated">The development-only bypass the Playground needs (it sends no token).</param>
    public static Task<AccountBotHostProcess> StartAsync(bool allowUnauthenticated, CancellationToken cancellationToken) =>
        StartAsync(new AccountBotHostSettings { AllowUnauthenticated = allowUnauthenticated }, cancellationToken);

    public static async Task<AccountBotHostProcess> StartAsync(AccountBotHostSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = LocateHost();
        var ownsFolder = settings.Folder is null;
        var folder = settings.Folder ?? Directory.CreateTempSubdirectory("accountbot-e2e-host-").FullName;
        var port = settings.Port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Storage__LiteDb__Path"] = Path.Combine(folder, DatabaseFile);
        start.Environment["Teams__DangerouslyAllowUnauthenticatedRequests"] = settings.AllowUnauthenticated ? "true" : "false";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings.Environment)
            start.Environment[key] = value;

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new AccountBotHostProcess(process, output, folder, ownsFolder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// Stops the bot as a service manager would (SIGTERM: hosted services stop, the database is closed), killing it
    /// only if it has not exited after 20 s. Leaves the database file in place.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        if (!OperatingSystem.IsWindows())
        {
            using var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (term is not null)
                await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsFolder)
            return;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>How many lines the host printed so far contain <paramref name="text"/>.</summary>
    public int CountLines(string text)
    {
        lock (_output)
            return _output.ToString().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>
    /// Completes once <paramref name="lines"/> lines the host printed (since it started) contain <paramref name="text"/>:
    /// an event on the output, not a poll.
    /// </summary>
    public Task WaitForLinesAsync(string text, int lines, CancellationToken cancellationToken)
    {
        lock (_output)
        {
            var waiter = new OutputWaiter(text, lines, CountLines(text));
            if (waiter.Seen >= lines)
                return Task.CompletedTask;
            _waiters.Add(waiter);
            return waiter.Reached.Task.WaitAsync(cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var waiter in _waiters.ToList())
            {
                if (line.Contains(waiter.Text, StringComparison.Ordinal) && ++waiter.Seen >= waiter.Lines)
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>A free loopback port, for a host that must come back on the same address.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"AccountBot exited with {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
                // One probe timed out; try again.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"AccountBot was not ready within 30 s:\n{Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    /// <summary>The host's build output in this test assembly's configuration (the project reference builds it first).</summary>
    internal static string LocateHost()
    {
        var configuration = typeof(AccountBotHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "AccountBot.sln")))
                continue;
            var dll = Path.Combine(directory.FullName, "src", "AccountBot", "bin", configuration, "net10.0", "AccountBot.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/AccountBot first ({configuration}).", dll);
        }

        throw new InvalidOperationException("AccountBot.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class OutputWaiter(string text, int lines, int seen)
    {
        public string Text { get; } = text;

        public int Lines { get; } = lines;

        public int Seen { get; set; } = seen;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
