using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// One running Playground (<c>node cli.js -c msteams …</c>) in a fresh temporary working directory.
/// Its state lives in memory only, so each test class starts its own.
/// </summary>
public sealed partial class PlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The port it really listens on (it silently picks another when the asked one is taken).</summary>
    public int Port { get; private set; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>: the HTTP API and the UI.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The temporary working directory; the Playground writes <c>devTools/</c> here.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Everything it printed so far, stdout and stderr interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
                return _output.ToString();
        }
    }

    public static async Task<PlaygroundProcess> StartAsync(
        PlaygroundInstallation installation, PlaygroundOptions options, CancellationToken cancellationToken)
    {
        var node = ExecutableLocator.Find("node")
            ?? throw new InvalidOperationException("node was not found on PATH; the Agents Playground needs Node.js 20 or later.");
        var workingDirectory = Directory.CreateTempSubdirectory("accountbot-playground-").FullName;
        if (options.TeamsIds is { } ids)
            await File.WriteAllTextAsync(Path.Combine(workingDirectory, ".m365agentsplayground.yml"), ids.ToYaml(), cancellationToken);

        var port = options.Port == 0 ? FreeTcpPort() : options.Port;
        var startInfo = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            installation.CliPath,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-e", options.BotEndpoint.ToString(),
            "-c", "msteams",
            "--conversation-id", options.ConversationId,
            "--disable-telemetry",
        ];
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        // Keep a developer's own settings from changing what the tests see.
        startInfo.Environment.Remove("TEAMSAPPTESTER_PORT");
        startInfo.Environment.Remove("M365_AGENTS_PLAYGROUND_SERVICE_URL");
        startInfo.Environment.Remove("M365_AGENTS_PLAYGROUND_DELIVERY_MODE");

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var playground = new PlaygroundProcess(process, workingDirectory);
        process.OutputDataReceived += (_, e) => playground.OnLine(e.Data, "out");
        process.ErrorDataReceived += (_, e) => playground.OnLine(e.Data, "err");
        process.Exited += (_, _) => playground._listening.TrySetException(new InvalidOperationException(
            $"The Playground exited with code {process.ExitCode} before it listened.\n{playground.Output}"));

        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            try
            {
                playground.Port = await playground._listening.Task.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The Playground did not print 'Listening on <port>' within {options.StartTimeout}.\n{playground.Output}");
            }

            await playground.PingAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!HasExited())
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to kill.
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(WorkingDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying process; the OS temp cleaner gets it.
            }
        }
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void OnLine(string? line, string stream)
    {
        if (line is null)
            return;
        lock (_outputLock)
            _output.Append(stream).Append("| ").AppendLine(line);
        var match = ListeningLine().Match(line);
        if (match.Success)
            _listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private async Task PingAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var answer = await http.GetStringAsync(new Uri("_debug/ping", UriKind.Relative), cancellationToken);
        if (answer != "pong")
            throw new InvalidOperationException($"GET /_debug/ping answered '{answer}', expected 'pong'.\n{Output}");
    }

    private static int FreeTcpPort()
    {
        // Racy by nature (another process may take it before node binds); the Playground then moves to a
        // free port on its own and says so in 'Listening on', which is what we read.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}
