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

    public static PostgresBinaries Find()
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

        throw new InvalidOperationException(
            "The PostgreSQL tests start a throw-away server, but initdb and pg_ctl were found neither on the PATH, nor in "
            + $"`pg_config --bindir`, nor in /usr/lib/postgresql/*/bin. Install them: `{InstallHint}`.");
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
