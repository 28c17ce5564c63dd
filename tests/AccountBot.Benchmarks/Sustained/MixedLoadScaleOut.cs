using System.Diagnostics;
using System.Globalization;
using AccountBot.Benchmarks.Teams;
using AccountBot.Storage.LiteDb;
using AccountBot.Storage.Postgres;
using AccountBot.Testing.Postgres;
using AccountBot.Testing.ScaleOut;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AccountBot.Benchmarks.Sustained;

/// <summary>
/// <c>dotnet run -c Release --project tests/AccountBot.Benchmarks -- mixed-load-scaleout [seconds=60] [concurrency=100]</c>:
/// <see cref="MixedLoad"/>'s traffic, in one run, first against <b>one host process on LiteDB</b>, then against
/// <b>two host processes on one PostgreSQL database</b> (a throw-away <see cref="PostgresCluster"/>) behind the
/// <see cref="RoundRobinProxy"/> of the end-to-end scale-out tests. Both stores are seeded with the same 1,000 maps.
/// Prints each run as <c>mixed-load</c> does, the ratio, every host's resident memory every 10 s, and where the
/// machine's CPU went (hosts, PostgreSQL, this process: load generator, fakes and proxy).
/// </summary>
public static class MixedLoadScaleOut
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;

        var folder = Directory.CreateTempSubdirectory("accountbot-mixed-load-scaleout-");
        var cluster = PostgresCluster.Shared;
        var connectionString = await cluster.CreateDatabaseAsync("mixedload");
        try
        {
            var databasePath = Path.Combine(folder.FullName, "accountbot.db");
            var clock = Stopwatch.StartNew();
            MixedLoad.SeededMaps maps;
            await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            using (var context = new LiteDbContext(databasePath, NullLogger<LiteDbContext>.Instance))
            {
                await new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
                maps = MixedLoad.Seed(
                    new LiteDbAccountMapStore(context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance),
                    new PostgresAccountMapStore(dataSource, TimeProvider.System, NullLogger<PostgresAccountMapStore>.Instance));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {maps.Teams.Count + maps.Slack.Count} maps in LiteDB and in PostgreSQL in {clock.Elapsed.TotalSeconds:0} s"));

            await using var peers = await LoopbackApp.StartAsync(MixedLoad.MapPeers);
            var peerUrl = peers.Address.ToString().TrimEnd('/');
            var settings = new Dictionary<string, string>
            {
                ["Slack__SigningSecret"] = MixedLoad.Secret,
                ["Slack__BotToken"] = "xoxb-mixed-load",
                ["Slack__ApiBaseUrl"] = peerUrl + "/api/",
            };
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            var traffic = new MixedLoad.Traffic(maps, peerUrl, new SlackRequestSigner(MixedLoad.Secret, TimeProvider.System));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mixed-load-scaleout: {concurrency} concurrent, 50 % Teams / 50 % Slack, 80 % reads / 20 % edits; {seconds} s on 1 LiteDB instance, then {seconds} s on 2 PostgreSQL instances; {Environment.ProcessorCount} cores, load average {TeamsLoad.LoadAverage()}"));

            Phase lite;
            await using (var host = await HostProcess.StartAsync(databasePath, settings))
            {
                lite = await RunPhaseAsync("1 instance, LiteDB", client, traffic, peers, host.BaseAddress, [host], null, concurrency, seconds);
            }

            Phase postgres;
            var postgresSettings = new Dictionary<string, string>(settings)
            {
                ["Storage__Provider"] = "Postgres",
                ["Storage__Postgres__ConnectionString"] = connectionString,
            };
            var starting = new[] { HostProcess.StartAsync(null, postgresSettings), HostProcess.StartAsync(null, postgresSettings) };
            var hosts = await Task.WhenAll(starting);
            try
            {
                await using var proxy = await RoundRobinProxy.StartAsync([.. hosts.Select(h => h.BaseAddress)], CancellationToken.None);
                var postmaster = int.Parse(File.ReadLines(Path.Combine(cluster.Folder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
                postgres = await RunPhaseAsync("2 instances, PostgreSQL, round-robin proxy", client, traffic, peers, proxy.BaseAddress, hosts, postmaster, concurrency, seconds);
            }
            finally
            {
                foreach (var host in hosts)
                    await host.DisposeAsync();
            }

            Console.WriteLine();
            Console.WriteLine("| | 1 instance, LiteDB | 2 instances, PostgreSQL |");
            Console.WriteLine("|---|---:|---:|");
            Row("throughput (req/s)", p => p.Result.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture));
            Row("requests / errors", p => string.Create(CultureInfo.InvariantCulture, $"{p.Result.Count} / {p.Result.Errors}"));
            Row("Teams replies delivered", p => string.Create(CultureInfo.InvariantCulture, $"{p.Replies} of {p.ExpectedReplies}"));
            Row("machine CPU busy (of 2 cores)", p => string.Create(CultureInfo.InvariantCulture, $"{p.MachineCores:0.00} cores"));
            Row("hosts / PostgreSQL / load process", p => string.Create(CultureInfo.InvariantCulture, $"{p.HostCores:0.00} / {p.PostgresCores:0.00} / {p.SelfCores:0.00} cores"));
            Row("host CPU per request", p => string.Create(CultureInfo.InvariantCulture, $"{p.Result.HostCpuMsPerRequest:0.00} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio 2 x PostgreSQL / 1 x LiteDB: {postgres.Result.RequestsPerSecond / lite.Result.RequestsPerSecond:0.00}; load average {TeamsLoad.LoadAverage()}"));
            return lite.Ok && postgres.Ok ? 0 : 1;

            void Row(string name, Func<Phase, string> value) => Console.WriteLine($"| {name} | {value(lite)} | {value(postgres)} |");
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString);
            cluster.Dispose();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Phase> RunPhaseAsync(
        string name, HttpClient client, MixedLoad.Traffic traffic, LoopbackApp peers, Uri target, IReadOnlyList<HostProcess> hosts, int? postmaster, int concurrency, int seconds)
    {
        var warmUp = TimeSpan.FromSeconds(5);
        var repliesBefore = peers.Counter.Value;
        var memory = new MixedLoad.MemorySampler(hosts);
        var cpu = new CpuWindow(hosts, postmaster);
        var measuring = Task.Run(async () =>
        {
            await Task.Delay(warmUp);
            cpu.Start();
        });
        var result = await MixedLoad.RunAsync(client, traffic, target, concurrency, warmUp, TimeSpan.FromSeconds(seconds), memory);
        await measuring;
        cpu.Stop();
        MixedLoad.Print(name, result);

        var expected = result.TeamsRequests + result.TeamsWarmUpRequests;
        var drained = Stopwatch.StartNew();
        while (peers.Counter.Value - repliesBefore < expected && drained.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
        var replies = peers.Counter.Value - repliesBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Teams replies delivered to the fake connector: {replies} of {expected} ({drained.Elapsed.TotalSeconds:0.0} s to drain after the run)"));
        memory.Print();
        memory.PrintAll();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU over the measured {cpu.Seconds:0} s: machine {cpu.MachineCores:0.00} of {Environment.ProcessorCount} cores busy; hosts {cpu.HostCores:0.00}, PostgreSQL {cpu.PostgresCores:0.00}, load process {cpu.SelfCores:0.00} cores; load average {TeamsLoad.LoadAverage()}"));
        return new Phase(result, replies, expected, cpu.MachineCores, cpu.HostCores, cpu.PostgresCores, cpu.SelfCores);
    }

    private sealed record Phase(MixedLoad.Result Result, long Replies, long ExpectedReplies, double MachineCores, double HostCores, double PostgresCores, double SelfCores)
    {
        public bool Ok => Result.Errors == 0 && Replies == ExpectedReplies;
    }

    /// <summary>CPU used between <see cref="Start"/> and <see cref="Stop"/>: the machine, the hosts, the PostgreSQL server and its backends, this process.</summary>
    private sealed class CpuWindow(IReadOnlyList<HostProcess> hosts, int? postmaster)
    {
        private readonly Stopwatch _clock = new();
        private (long Busy, long Total) _machine;
        private double _hosts;
        private double _self;
        private Dictionary<int, double> _postgres = [];

        public double Seconds => _clock.Elapsed.TotalSeconds;

        public double MachineCores { get; private set; }

        public double HostCores { get; private set; }

        public double PostgresCores { get; private set; }

        public double SelfCores { get; private set; }

        public void Start()
        {
            _machine = ProcessStats.Machine();
            _hosts = hosts.Sum(h => h.CpuMilliseconds());
            _self = SelfCpuMilliseconds();
            _postgres = PostgresCpu();
            _clock.Start();
        }

        public void Stop()
        {
            _clock.Stop();
            var machine = ProcessStats.Machine();
            var ms = _clock.Elapsed.TotalMilliseconds;
            MachineCores = (double)(machine.Busy - _machine.Busy) / Math.Max(1, machine.Total - _machine.Total) * Environment.ProcessorCount;
            HostCores = (hosts.Sum(h => h.CpuMilliseconds()) - _hosts) / ms;
            SelfCores = (SelfCpuMilliseconds() - _self) / ms;
            PostgresCores = PostgresCpu().Sum(p => p.Value - _postgres.GetValueOrDefault(p.Key)) / ms;
        }

        private static double SelfCpuMilliseconds()
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime.TotalMilliseconds;
        }

        private Dictionary<int, double> PostgresCpu() => postmaster is { } pid
            ? ProcessStats.WithChildren(pid).ToDictionary(p => p, ProcessStats.CpuMilliseconds)
            : [];
    }
}
