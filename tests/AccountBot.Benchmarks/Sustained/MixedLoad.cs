using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AccountBot.Benchmarks.Teams;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Benchmarks.Sustained;

/// <summary>
/// <c>dotnet run -c Release --project tests/AccountBot.Benchmarks -- mixed-load [seconds=300] [concurrency=100] [baseline-seconds=30]</c>:
/// the real host as a process over 1,000 seeded maps (500 in a Teams tenant, 500 in a Slack workspace, 20 people
/// each), driven for <c>seconds</c> by <c>concurrency</c> workers sending half Teams activities and half signed
/// Slack commands, 80 % <c>map Account NNNN</c> reads and 20 % edits (a Teams stakeholder-form edit submitted from
/// the card, a Slack <c>tag</c>/<c>untag</c>). Before it, the same mix against bare endpoints that only parse the
/// request. Prints throughput, p50/p99 per kind, errors, replies delivered, and the host's memory and CPU over time.
/// </summary>
public static class MixedLoad
{
    internal const int MapsPerPlatform = 500;
    private const int People = 20;
    private const string SlackTeam = "T0LOAD";
    internal const string Secret = "mixed-load-signing-secret-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var baselineSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;

        var folder = Directory.CreateTempSubdirectory("accountbot-mixed-load-");
        try
        {
            var databasePath = Path.Combine(folder.FullName, "accountbot.db");
            var clock = Stopwatch.StartNew();
            var maps = SeedLiteDb(databasePath);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {maps.Teams.Count + maps.Slack.Count} maps x {People} people in {clock.Elapsed.TotalSeconds:0} s"));

            await using var peers = await LoopbackApp.StartAsync(MapPeers);
            await using var bare = await LoopbackApp.StartAsync(MapBare);
            var peerUrl = peers.Address.ToString().TrimEnd('/');
            await using var host = await HostProcess.StartAsync(databasePath, new Dictionary<string, string>
            {
                ["Slack__SigningSecret"] = Secret,
                ["Slack__BotToken"] = "xoxb-mixed-load",
                ["Slack__ApiBaseUrl"] = peerUrl + "/api/",
            });

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            var signer = new SlackRequestSigner(Secret, TimeProvider.System);
            var traffic = new Traffic(maps, peerUrl, signer);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mixed-load: {concurrency} concurrent, 50 % Teams / 50 % Slack, 80 % reads / 20 % edits; bare {baselineSeconds} s, then AccountBot {seconds} s; {Environment.ProcessorCount} cores, load average {TeamsLoad.LoadAverage()}"));

            var baseline = await RunAsync(client, traffic, bare.Address, concurrency, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(baselineSeconds), null);
            Print("bare endpoints", baseline);

            var repliesBefore = peers.Counter.Value;
            var memory = new MemorySampler([host]);
            var product = await RunAsync(client, traffic, host.BaseAddress, concurrency, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(seconds), memory);
            Print("AccountBot", product);

            // Every Teams request answers with one reply or card update through the connector, after the 200.
            var expected = product.TeamsRequests + product.TeamsWarmUpRequests;
            var drained = Stopwatch.StartNew();
            while (peers.Counter.Value - repliesBefore < expected && drained.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(100);
            var replies = peers.Counter.Value - repliesBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Teams replies delivered to the fake connector: {replies} of {expected} ({drained.Elapsed.TotalSeconds:0.0} s to drain after the run)"));
            memory.Print();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio AccountBot/bare: {product.RequestsPerSecond / baseline.RequestsPerSecond:0.00}; host CPU {product.HostCpuMsPerRequest:0.00} ms per request; load average {TeamsLoad.LoadAverage()}"));
            return product.Errors == 0 && replies == expected ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static SeededMaps SeedLiteDb(string path)
    {
        using var context = new LiteDbContext(path, NullLogger<LiteDbContext>.Instance);
        return Seed(new LiteDbAccountMapStore(context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance));
    }

    /// <summary>500 maps of <see cref="People"/> in a Teams tenant and 500 in a Slack workspace, the same maps (ids and all) saved through every one of <paramref name="stores"/>.</summary>
    internal static SeededMaps Seed(params IAccountMapStore[] stores)
    {
        var teams = WorkspaceKey.ForTeams(TeamsLoad.Tenant);
        var slack = WorkspaceKey.ForSlack(null, SlackTeam);
        var result = new SeededMaps([], []);
        foreach (var (workspace, list) in new[] { (teams, result.Teams), (slack, result.Slack) })
        {
            for (var m = 0; m < MapsPerPlatform; m++)
            {
                var map = MapBuilder.For(workspace)
                    .Named(string.Create(CultureInfo.InvariantCulture, $"Account {m:D4}"))
                    .At(DateTimeOffset.UtcNow.AddDays(-(m % 60)))
                    .WithStakeholders(People)
                    .Build();
                var history = new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", []);
                foreach (var store in stores)
                {
                    var saved = store.SaveAsync(new MapWrite(map, history), CancellationToken.None).GetAwaiter().GetResult();
                    if (saved.Outcome != SaveOutcome.Saved)
                        throw new InvalidOperationException($"Seeding {map.Name} failed: {saved.Outcome}");
                }

                list.Add(new SeededMap(map.Name, map.Id, [.. map.Stakeholders.Select(s => (s.Id, s.Name))]));
            }
        }

        return result;
    }

    internal static async Task<Result> RunAsync(HttpClient client, Traffic traffic, Uri target, int concurrency, TimeSpan warmUp, TimeSpan duration, MemorySampler? memory)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = new List<Sample>[concurrency];
        var warmUpTeams = 0;
        var cpuBefore = 0.0;
        using var sampling = new CancellationTokenSource();
        var sampler = memory is null ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(warmUp, sampling.Token);
            cpuBefore = memory.CpuMilliseconds();
            memory.Sample();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            while (await timer.WaitForNextTickAsync(sampling.Token))
                memory.Sample();
        });

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var mine = samples[worker] = new List<Sample>(16_384);
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= end)
                    return;
                var (kind, request) = traffic.Next(random, target);
                var ok = false;
                try
                {
                    using (request)
                    using (var response = await client.SendAsync(request))
                    {
                        await response.Content.ReadAsByteArrayAsync();
                        ok = response.StatusCode == HttpStatusCode.OK;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                var done = Stopwatch.GetTimestamp();
                if (sent >= measureFrom && done <= end)
                    mine.Add(new Sample(kind, Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds, ok));
                else if (kind.StartsWith("Teams", StringComparison.Ordinal))
                    Interlocked.Increment(ref warmUpTeams);
            }
        })));

        var cpuAfter = memory?.CpuMilliseconds() ?? 0;
        if (memory is not null)
            memory.Sample();
        await sampling.CancelAsync();
        try
        {
            await sampler;
        }
        catch (OperationCanceledException)
        {
        }

        var all = samples.SelectMany(s => s).ToList();
        return new Result(all, duration.TotalSeconds, warmUpTeams, memory is null ? 0 : (cpuAfter - cpuBefore) / Math.Max(1, all.Count));
    }

    internal static void Print(string name, Result result)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {result.RequestsPerSecond:0} req/s, {result.Count} requests, {result.Errors} errors"));
        Console.WriteLine("| kind | requests | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var group in result.Samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Append(null))
        {
            var list = group?.ToList() ?? result.Samples;
            var sorted = list.Select(s => s.Milliseconds).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group?.Key ?? "all"} | {sorted.Length} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.99):0.0} | {(sorted.Length == 0 ? 0 : sorted[^1]):0.0} |"));
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>A fake Bot Connector (POST/PUT activities) and a fake Slack Web API that answer at once; counts connector calls.</summary>
    internal static void MapPeers(WebApplication app)
    {
        app.MapMethods("/v3/conversations/{**rest}", ["POST", "PUT"], async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.RequestServices.GetRequiredService<LoopbackApp.Holder>().App!.Counter.Increment();
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"1795748089784"}""", context.RequestAborted);
        });
        // The bot looks up each sender once per five minutes (guests and other tenants see no maps): a member.
        app.MapGet("/v3/conversations/{conversation}/members/{user}", (string user) => Results.Json(new { id = user, userRole = "user" }));
        app.MapPost("/api/{method}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ok":true,"channel":"C0LOAD","ts":"1700000000.000100"}""", context.RequestAborted);
        });
        app.MapPost("/response/{id}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
    }

    /// <summary>The baseline: parse the same requests and answer 200, nothing else.</summary>
    private static void MapBare(WebApplication app)
    {
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            var activity = await JsonSerializer.DeserializeAsync(context.Request.Body, TeamsJsonContext.Default.Activity, context.RequestAborted);
            return activity?.Type is { Length: > 0 } ? Results.Ok() : Results.BadRequest();
        });
        app.MapPost("/slack/commands", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return form.ContainsKey("command") ? Results.Ok() : Results.BadRequest();
        });
    }


    internal sealed record SeededMap(string Name, Guid Id, IReadOnlyList<(Guid Id, string Name)> People);

    internal sealed record SeededMaps(List<SeededMap> Teams, List<SeededMap> Slack);

    internal sealed record Sample(string Kind, double Milliseconds, bool Ok);

    internal sealed record Result(List<Sample> Samples, double Seconds, int TeamsWarmUpRequests, double HostCpuMsPerRequest)
    {
        public int Count => Samples.Count;

        public int Errors => Samples.Count(s => !s.Ok);

        public double RequestsPerSecond => Count / Seconds;

        public int TeamsRequests => Samples.Count(s => s.Kind.StartsWith("Teams", StringComparison.Ordinal));
    }

    /// <summary>Builds the next request of the mix for a worker.</summary>
    internal sealed class Traffic(SeededMaps maps, string serviceUrl, SlackRequestSigner signer)
    {
        public (string Kind, HttpRequestMessage Request) Next(Random random, Uri target)
        {
            var teams = random.Next(2) == 0;
            var edit = random.Next(5) == 0;
            var map = (teams ? maps.Teams : maps.Slack)[random.Next(MapsPerPlatform)];
            var (personId, personName) = map.People[random.Next(map.People.Count)];
            if (teams)
            {
                var json = edit
                    ? TeamsLoad.Message(null, serviceUrl, JsonSerializer.Serialize(new Dictionary<string, string>
                    {
                        ["verb"] = "submitStakeholder",
                        ["mapId"] = map.Id.ToString(),
                        ["stakeholderId"] = personId.ToString(),
                        ["submissionId"] = Guid.NewGuid().ToString("N"),
                        ["name"] = personName,
                        ["title"] = random.Next(2) == 0 ? "VP Operations" : "Head of IT",
                        ["roles"] = random.Next(2) == 0 ? "Champion" : "Influencer",
                        ["power"] = (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture),
                        ["interest"] = (1 + random.Next(5)).ToString(CultureInfo.InvariantCulture),
                    }))
                    : TeamsLoad.Message("map " + map.Name, serviceUrl);
                var content = new StringContent(json, Encoding.UTF8, "application/json");
                return (edit ? "Teams edit (form)" : "Teams read", new HttpRequestMessage(HttpMethod.Post, new Uri(target, "api/messages")) { Content = content });
            }

            var text = edit
                ? string.Create(CultureInfo.InvariantCulture, $"{map.Name} {(random.Next(2) == 0 ? "tag" : "untag")} {personName} champion")
                : map.Name;
            var request = signer.CreateFormRequest("/slack/commands", SlackPayloads.Command(text, team: SlackTeam, user: "U0LOAD", channel: "C0LOAD", responseUrl: serviceUrl + "/response/1"));
            request.RequestUri = new Uri(target, "slack/commands");
            return (edit ? "Slack edit (tag)" : "Slack read", request);
        }
    }

    /// <summary>Each host's resident memory (sampled) and the hosts' CPU time together, read from /proc.</summary>
    internal sealed class MemorySampler(IReadOnlyList<HostProcess> hosts)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<(double Seconds, long[] RssMb)> _samples = [];

        public void Sample()
        {
            var rss = hosts.Select(h => ProcessStats.RssMegabytes(h.ProcessId)).ToArray();
            lock (_samples)
                _samples.Add((_clock.Elapsed.TotalSeconds, rss));
        }

        public double CpuMilliseconds() => hosts.Sum(h => h.CpuMilliseconds());

        public void Print()
        {
            lock (_samples)
            {
                if (_samples.Count == 0)
                    return;
                for (var h = 0; h < hosts.Count; h++)
                {
                    var name = hosts.Count == 1 ? "host" : string.Create(CultureInfo.InvariantCulture, $"host {h + 1}");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name} RSS: start {_samples[0].RssMb[h]} MB, end {_samples[^1].RssMb[h]} MB, min {_samples.Min(s => s.RssMb[h])} MB, max {_samples.Max(s => s.RssMb[h])} MB"));
                    Console.WriteLine($"{name} RSS every ~minute: " + string.Join(", ", _samples.Where((_, i) => i % 6 == 0 || i == _samples.Count - 1)
                        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0}s {s.RssMb[h]} MB"))));
                }
            }
        }

        /// <summary>Every sample, for a run short enough to print them all.</summary>
        public void PrintAll()
        {
            lock (_samples)
            {
                for (var h = 0; h < hosts.Count; h++)
                {
                    var name = hosts.Count == 1 ? "host" : string.Create(CultureInfo.InvariantCulture, $"host {h + 1}");
                    Console.WriteLine($"{name} RSS every 10 s: " + string.Join(", ", _samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0}s {s.RssMb[h]} MB"))));
                }
            }
        }
    }
}
