using System.Diagnostics;

namespace AccountBot.Testing.Postgres;

/// <summary>
/// Where the machine's PostgreSQL server programs are: <c>initdb</c> and <c>pg_ctl</c> on the PATH, else in
/// <c>pg_config --bindir</c>, else in Debian's <c>/usr/lib/postgresql/&lt;major&gt;/bin</c> (the newest). Debian's
/// <c>postgresql</c> package installs them there without putting them on the PATH.
/// </summary>
public sealed record PostgresBinaries(string Folder)
{
    public const string InstallHint = "apt-get install -y postgresql";

    public string InitDb => Path.Combine(Folder, "initdb");

    public string PgCtl => Path.Combine(Folder, "pg_ctl");

    /// <summary>
    /// The binaries; on a machine without them the tests install Debian's package themselves when they can (root,
    /// apt-get present), as the contract checks run their own <c>npm ci</c>, so a fresh machine needs nothing by hand.
    /// </summary>
    public static PostgresBinaries Find() => TryFind() ?? (TryInstall() ? TryFind() : null) ?? throw new InvalidOperationException(
        "The PostgreSQL tests start a throw-away server, but initdb and pg_ctl were found neither on the PATH, nor in "
        + $"`pg_config --bindir`, nor in /usr/lib/postgresql/*/bin, and could not be installed. Install them: `{InstallHint}`.");

    private static PostgresBinaries? TryFind()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(PgConfigBinDir())
            .Concat(DebianFolders());
        foreach (var folder in candidates)
        {
            if (!string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return new PostgresBinaries(folder);
            }
        }

        return null;
    }

    // Several test assemblies may get here at once: flock makes them take turns, and the second finds it installed.
    private static bool TryInstall()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get") || !File.Exists("/usr/bin/flock"))
        {
            return false;
        }

        const string script = "ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || "
            + "{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; }";
        var start = new ProcessStartInfo("/usr/bin/flock", ["/tmp/accountbot-postgres-install.lock", "sh", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        // Drain both pipes so a chatty apt cannot block on a full one.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Task.WaitAll(output, error);
        return process.ExitCode == 0;
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pg_config on this machine: try the other places.
            return null;
        }
    }

    private static IEnumerable<string> DebianFolders()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(d => (Folder: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var major) ? major : 0))
            .OrderByDescending(d => d.Major)
            .Select(d => d.Folder);
    }
}
