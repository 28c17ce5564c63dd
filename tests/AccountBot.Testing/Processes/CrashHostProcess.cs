using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace AccountBot.Testing.Processes;

/// <summary>
/// One life of the real AccountBot host (<c>dotnet AccountBot.dll</c>, Development environment) on a database file
/// that outlives it. Listens on a port the OS picks (<c>--urls http://127.0.0.1:0</c>) and is ready when its start-up
/// banner names that port and <c>/readyz</c> answers <c>ready</c>; both are waited for as events (the banner line on
/// stdout, the process exit), never by sleeping. <see cref="KillAsync"/> is <see cref="Process.Kill()"/>, which on
/// Linux and macOS sends SIGKILL: the host gets no chance to flush or dispose anything.
/// </summary>
public sealed partial class CrashHostProcess : IAsyncDisposable
{
    /// <summary>How a process killed by SIGKILL (signal 9) exits, as .NET reports it on Unix: 128 + 9.</summary>
    public const int SigKillExitCode = 137;

    private const int OutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly List<string> _errors = [];
    private string? _errorHeader;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task? _exited;

    private CrashHostProcess(Process process) => _process = process;

    /// <summary>Completes when the process is gone, however it went.</summary>
    private Task Exited => _exited ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where the host listens, once <see cref="WaitUntilReadyAsync"/> returned.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The last lines the host printed (stdout and stderr), for failure messages.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
                return string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary>What the host logged at Error or Critical level: the category line and the message's first line.</summary>
    public IReadOnlyList<string> LoggedErrors
    {
        get
        {
            lock (_output)
                return [.. _errors];
        }
    }

    /// <summary>Starts the host; returns at once (see <see cref="WaitUntilReadyAsync"/>).</summary>
    public static CrashHostProcess Start(string hostDll, string databasePath, FakeChatPlatforms platforms, string slackSigningSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostDll);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentNullException.ThrowIfNull(platforms);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Storage__LiteDb__Path"] = databasePath;
        start.Environment["Teams__DangerouslyAllowUnauthenticatedRequests"] = "true";
        start.Environment["Slack__SigningSecret"] = slackSigningSecret;
        start.Environment["Slack__BotToken"] = "xoxb-crash-loop";
        start.Environment["Slack__ApiBaseUrl"] = platforms.SlackApiBaseUrl.AbsoluteUri;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__AccountBot.Hosting"] = "Information";
        start.Environment["Logging__LogLevel__AccountBot.Storage.LiteDb"] = "Warning";

        // The development bypass warns on every request by design; thousands of those lines are noise here.
        start.Environment["Logging__LogLevel__AccountBot.Teams.Security"] = "Error";

        var process = new Process { StartInfo = start };
        var host = new CrashHostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        if (!process.Start())
            throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        host._exited = process.WaitForExitAsync();
        return host;
    }

    /// <summary>
    /// Waits for the start-up banner (the database opened and the server listens), then asks <c>/readyz</c>.
    /// Throws <see cref="CrashHostStartException"/> when the process exits first or <c>/readyz</c> does not answer
    /// <c>ready</c>.
    /// </summary>
    public async Task<Uri> WaitUntilReadyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var first = await Task.WhenAny(_listening.Task, Exited).WaitAsync(cancellationToken);
        if (first != _listening.Task)
        {
            throw new CrashHostStartException($"the host exited with {_process.ExitCode} before it was ready", OutputTail);
        }

        var address = await _listening.Task;
        using var ready = await http.GetAsync(new Uri(address, "readyz"), cancellationToken);
        var text = await ready.Content.ReadAsStringAsync(cancellationToken);
        if (ready.StatusCode != HttpStatusCode.OK || text != "ready")
            throw new CrashHostStartException($"/readyz answered {(int)ready.StatusCode} '{text}'", OutputTail);
        BaseAddress = address;
        return address;
    }

    /// <summary>SIGKILL, then waits for the process to be gone; returns its exit code (<see cref="SigKillExitCode"/> when the kill did it).</summary>
    public async Task<int> KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // It had already exited on its own: its exit code says how.
        }

        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > OutputLines)
                _output.Dequeue();

            // The console logger writes "fail: Category[event]" and then the message, indented, on the next line.
            if (_errorHeader is not null)
            {
                _errors.Add(_errorHeader + " " + line.Trim());
                _errorHeader = null;
            }
            else if (line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                _errorHeader = line;
            }
        }

        if (Listening().Match(line) is { Success: true } match)
            _listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
    }

    // StartupBanner: "AccountBot is listening on {Address}. Teams: …", logged once the server is started.
    [GeneratedRegex(@"AccountBot is listening on (http://[^\s]+?)\. Teams")]
    private static partial Regex Listening();
}
