using System.Diagnostics;
using System.Security.Cryptography;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// The pinned Agents Playground, installed once per machine with <c>npm ci</c> into a cache folder named
/// after the hash of <c>playground/package-lock.json</c>, so a changed pin installs afresh and an
/// unchanged one is reused by every later run, test class and process.
/// </summary>
public sealed class PlaygroundInstallation
{
    private const string ReadyMarker = ".ready";
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(200);

    private PlaygroundInstallation(string directory, TimeSpan? installDuration)
    {
        Directory = directory;
        InstallDuration = installDuration;
    }

    /// <summary>The cache folder holding <c>node_modules/</c>.</summary>
    public string Directory { get; }

    /// <summary><c>node_modules/@microsoft/m365agentsplayground/cli.js</c>: run it with <c>node</c>.</summary>
    public string CliPath => Path.Combine(Directory, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    /// <summary>How long <c>npm ci</c> took in this call, or null when a ready installation was reused.</summary>
    public TimeSpan? InstallDuration { get; }

    /// <summary>The package files copied next to the test assembly (see the csproj).</summary>
    public static string DefaultPackageDirectory => Path.Combine(AppContext.BaseDirectory, "playground");

    public static Task<PlaygroundInstallation> EnsureInstalledAsync(CancellationToken cancellationToken) =>
        EnsureInstalledAsync(DefaultPackageDirectory, cancellationToken);

    public static async Task<PlaygroundInstallation> EnsureInstalledAsync(string packageDirectory, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(packageDirectory, "package-lock.json");
        var packageFile = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(lockFile) || !File.Exists(packageFile))
            throw new FileNotFoundException($"The Playground pin is missing: expected package.json and package-lock.json in {packageDirectory}.");

        var target = Path.Combine(CacheRoot(), "playground-" + await HashAsync(lockFile, cancellationToken));
        var installation = new PlaygroundInstallation(target, installDuration: null);
        if (IsReady(target, installation.CliPath))
            return installation;

        System.IO.Directory.CreateDirectory(target);
        await using var fileLock = await AcquireLockAsync(target + ".lock", cancellationToken);

        // Another test class or process may have finished the install while we waited for the lock.
        if (IsReady(target, installation.CliPath))
            return installation;

        File.Copy(packageFile, Path.Combine(target, "package.json"), overwrite: true);
        File.Copy(lockFile, Path.Combine(target, "package-lock.json"), overwrite: true);
        var started = Stopwatch.GetTimestamp();
        await RunNpmCiAsync(target, cancellationToken);
        var duration = Stopwatch.GetElapsedTime(started);
        if (!File.Exists(installation.CliPath))
            throw new InvalidOperationException($"npm ci finished but {installation.CliPath} does not exist.");

        await File.WriteAllTextAsync(Path.Combine(target, ReadyMarker), $"npm ci took {duration.TotalSeconds:F1} s\n", cancellationToken);
        return new PlaygroundInstallation(target, duration);
    }

    private static bool IsReady(string target, string cliPath) =>
        File.Exists(Path.Combine(target, ReadyMarker)) && File.Exists(cliPath);

    private static string CacheRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "accountbot-e2e");
    }

    private static async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows; both are released
        // by the OS if the holder dies. Neither can be awaited, so the waiter polls: the lock holder is
        // another process, there is no event to wait on.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NpmTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                try
                {
                    await Task.Delay(LockPollInterval, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Waited {NpmTimeout} for the install lock {path}; delete it if no other test run is installing.");
                }
            }
        }
    }

    private static async Task RunNpmCiAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var npm = ExecutableLocator.Find("npm")
            ?? throw new InvalidOperationException(
                "npm was not found on PATH. The end-to-end tests install the Microsoft 365 Agents Playground with npm: "
                + "install Node.js 20 or later with npm (Debian: apt-get install nodejs npm) and run the tests again.");

        var startInfo = new ProcessStartInfo(npm)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start npm.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NpmTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {workingDirectory} did not finish within {NpmTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci in {workingDirectory} failed with exit code {process.ExitCode}.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }
    }
}
