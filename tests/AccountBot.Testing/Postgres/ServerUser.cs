namespace AccountBot.Testing.Postgres;

/// <summary>
/// The unprivileged account a root test run starts PostgreSQL as, and how: <c>runuser -u USER --</c>, or
/// <c>setpriv</c> where runuser is missing.
/// </summary>
internal sealed record ServerUser(string Name, IReadOnlyList<string> Launcher)
{
    public static ServerUser Unprivileged()
    {
        var name = Exists("postgres") ? "postgres" : Exists("nobody") ? "nobody"
            : throw new InvalidOperationException("The tests run as root, and PostgreSQL refuses root: neither a 'postgres' nor a 'nobody' user exists to run it as.");
        string[] launcher = OnPath("runuser")
            ? ["runuser", "-u", name, "--"]
            : ["setpriv", "--reuid=" + name, "--regid=" + PostgresCluster.Run("id", ["-g", name]).Trim(), "--init-groups"];
        return new ServerUser(name, launcher);
    }

    private static bool Exists(string user)
    {
        try
        {
            PostgresCluster.Run("id", ["-u", user]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
