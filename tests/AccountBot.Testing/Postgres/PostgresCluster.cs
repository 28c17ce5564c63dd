using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AccountBot.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for one test run: <c>initdb</c> in a fresh temp folder, the server on a free
/// loopback port with its Unix socket inside that folder, trust authentication on loopback only, durability off
/// (the data dies with the run). <see cref="Shared"/> is started once per test assembly and stopped, its folder
/// deleted, when the test process exits. The server refuses to run as root, so when the tests run as root (as CI
/// does) initdb and the server run as the unprivileged <c>postgres</c> user (else <c>nobody</c>), who owns the folder.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string Superuser = "postgres";
    private static readonly Lazy<PostgresCluster> SharedCluster = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PostgresBinaries _binaries;
    private readonly ServerUser? _user;
    private int _databases;
    private bool _disposed;

    private PostgresCluster(PostgresBinaries binaries, ServerUser? user, string folder, int port)
    {
        _binaries = binaries;
        _user = user;
        Folder = folder;
        Port = port;
    }

    /// <summary>The cluster of this test assembly, started on first use.</summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    /// <summary>The temp folder holding the data directory, the socket and the server log.</summary>
    public string Folder { get; }

    public int Port { get; }

    private string DataFolder => Path.Combine(Folder, "data");

    private string SocketFolder => Path.Combine(Folder, "socket");

    private string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Starts a new cluster; the caller disposes it (which stops it and deletes its folder).</summary>
    public static PostgresCluster Start()
    {
        var binaries = PostgresBinaries.Find();
        SweepLeftovers();
        var user = Environment.IsPrivilegedProcess ? ServerUser.Unprivileged() : null;
        var folder = Directory.CreateTempSubdirectory("accountbot-pg-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "socket"));
            if (user is not null)
            {
                // Reachable by the server user: the folder is 0700 and owned by root until now.
                Run("chown", ["-R", user.Name + ":", folder]);
            }

            var cluster = new PostgresCluster(binaries, user, folder, port: 0);
            cluster.RunAsServerUser(binaries.InitDb, ["-D", cluster.DataFolder, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
            return cluster.StartServer();
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> (the superuser, over loopback TCP).</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        MaxPoolSize = 30,
    }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}").ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Stop and delete in a process of its own session (setsid), not waited for: the test host is ended soon after
        // its exit handlers start, together with its process tree. A folder left behind anyway is removed by a later
        // run (SweepLeftovers).
        string[] stop = [.. _user?.Launcher ?? [], _binaries.PgCtl, "-D", DataFolder, "-m", "immediate", "-w", "stop"];
        Process.Start(new ProcessStartInfo("setsid", ["-f", "sh", "-c", "\"$@\"; rm -rf \"$0\"", Folder, .. stop]))?.Dispose();
    }

    private static PostgresCluster StartShared()
    {
        var cluster = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    private PostgresCluster StartServer()
    {
        // A free port can be taken by someone else between the probe and the bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var options = string.Join(' ',
                "-p", port.ToString(CultureInfo.InvariantCulture),
                "-k", SocketFolder,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "max_connections=300",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off");
            try
            {
                RunAsServerUser(_binaries.PgCtl, ["-D", DataFolder, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"]);
                return new PostgresCluster(_binaries, _user, Folder, port);
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // Retried on another port; the log keeps why.
            }
            catch (InvalidOperationException ex)
            {
                var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log)";
                throw new InvalidOperationException($"{ex.Message}\nServer log:\n{log}", ex);
            }
        }
    }

    private void RunAsServerUser(string program, IReadOnlyList<string> arguments)
    {
        if (_user is null)
        {
            Run(program, arguments);
        }
        else
        {
            Run(_user.Launcher[0], [.. _user.Launcher.Skip(1), program, .. arguments]);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end; throws with its output when it fails. Returns its standard output.</summary>
    public static string Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{program} {string.Join(' ', arguments)}` exited with {process.ExitCode}: {error.Result}{output}");
        }

        return output;
    }

    /// <summary>Deletes the folders of earlier runs' clusters that no longer run (no postmaster.pid) and are an hour old.</summary>
    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "accountbot-pg-*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at exit: a leftover folder in /tmp is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
