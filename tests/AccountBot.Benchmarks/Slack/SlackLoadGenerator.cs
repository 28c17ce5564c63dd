extern alias host;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HostingExtensions = host::AccountBot.Hosting.AccountBotHostingExtensions;

namespace AccountBot.Benchmarks.Slack;

/// <summary>
/// <c>dotnet run -c Release --project tests/AccountBot.Benchmarks -- slack-load [seconds] [concurrency]</c>: POSTs signed
/// <c>/slack/commands</c> "map Acme" requests over loopback to the real host (LiteDB in a temp folder, a 30-person
/// map) and to a bare ASP.NET Core endpoint that only parses the form and answers 200, at the same concurrency;
/// prints requests/s for both, their ratio, and p50/p99 ack latency.
/// </summary>
internal static class SlackLoadGenerator
{
    private const string Secret = "bench-signing-secret-0123456789";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var folder = Directory.CreateTempSubdirectory("accountbot-slack-load-");
        try
        {
            // The host asks conversations.info once per channel (cached) before posting a map: a channel not shared.
            await using var webApi = await AccountBot.Benchmarks.Teams.LoopbackApp.StartAsync(app =>
                app.MapPost("/api/conversations.info", () => Results.Json(new { ok = true, channel = new { id = "C0BENCH", is_ext_shared = false } })));
            await using var real = await StartRealHostAsync(folder.FullName, webApi.Address);
            await using var bare = await StartBareAsync();
            var signer = new SlackRequestSigner(Secret, TimeProvider.System);

            // Alternate short rounds so a busy machine (shared cores) weighs on both targets alike.
            const int Rounds = 3;
            var bareRounds = new List<Result>();
            var realRounds = new List<Result>();
            for (var round = 0; round < Rounds; round++)
            {
                bareRounds.Add(await LoadAsync(bare, signer, "bare endpoint", seconds, concurrency));
                realRounds.Add(await LoadAsync(real, signer, "AccountBot /slack/commands", seconds, concurrency));
            }

            var bareResult = Result.Combine(bareRounds);
            var realResult = Result.Combine(realRounds);

            Console.WriteLine();
            Console.WriteLine("| target | requests/s | p50 ms | p99 ms | errors | process CPU µs/request | allocated B/request |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in new[] { bareResult, realResult })
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {r.RequestsPerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Errors} | {r.CpuPerRequest:F1} | {r.AllocatedPerRequest:F0} |"));
            var ratio = realResult.RequestsPerSecond / bareResult.RequestsPerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio real/bare = {ratio:F2} (target >= 0.5); real p99 = {realResult.P99:F2} ms (target <= 50 ms); {concurrency} concurrent, 3 x {seconds} s each, {Environment.ProcessorCount} cores"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<WebApplication> StartRealHostAsync(string folder, Uri webApi)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Storage:LiteDb:Path"] = Path.Combine(folder, "bot.db");
        builder.Configuration["Slack:SigningSecret"] = Secret;
        builder.Configuration["Slack:BotToken"] = "xoxb-bench";
        builder.Configuration["Slack:ApiBaseUrl"] = new Uri(webApi, "api/").AbsoluteUri;
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        HostingExtensions.AddAccountBot(builder);
        var app = builder.Build();
        HostingExtensions.MapAccountBot(app);
        await app.StartAsync();
        await SeedAsync(app.Services);
        return app;
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var dispatcher = services.GetRequiredService<CommandDispatcher>();
        var context = new RequestContext(WorkspaceKey.ForSlack(null, "T0BENCH"), new UserRef("U0BENCH", "bench"), new ChannelRef("C0BENCH"));
        await dispatcher.DispatchAsync("map Acme create", context, CancellationToken.None);
        var map = await services.GetRequiredService<AccountBot.Core.Abstractions.IAccountMapStore>().FindByNameAsync(context.Workspace, "Acme", CancellationToken.None);
        string[] roles = ["Champion", "DecisionMaker", "Signer", "Influencer", "Blocker", "Gatekeeper", "EndUser", ""];
        for (var i = 1; i <= 30; i++)
        {
            var values = new StakeholderFormValues
            {
                Name = $"Person {i:D2}",
                Title = $"Director {i}",
                Roles = roles[i % roles.Length],
                Power = (1 + (i % 5)).ToString(CultureInfo.InvariantCulture),
                Interest = (1 + (i * 3 % 5)).ToString(CultureInfo.InvariantCulture),
            };
            await dispatcher.SubmitStakeholderAsync(new StakeholderSubmission(map!.Id, null, Guid.NewGuid().ToString("N"), values), context, CancellationToken.None);
        }
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/slack/commands", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return form.ContainsKey("command") ? Results.Ok() : Results.BadRequest();
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<Result> LoadAsync(WebApplication app, SlackRequestSigner signer, string name, int seconds, int concurrency)
    {
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false }) { BaseAddress = address };
        var fields = SlackPayloads.Command("Acme", team: "T0BENCH", user: "U0BENCH", channel: "C0BENCH").ToList();

        await RunWorkersAsync(client, signer, fields, concurrency, Warmup, null);
        var latencies = new List<double>[concurrency];
        var errors = new int[concurrency];
        // The generator shares the process, so these include its own share; the two targets' difference is the host's.
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await RunWorkersAsync(client, signer, fields, concurrency, TimeSpan.FromSeconds(seconds), (latencies, errors));
        var elapsed = clock.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).ToArray();
        return new Result(name, all, elapsed, errors.Sum(), Environment.CpuUsage.TotalTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static Task RunWorkersAsync(HttpClient client, SlackRequestSigner signer, List<KeyValuePair<string, string>> fields, int concurrency, TimeSpan duration, (List<double>[] Latencies, int[] Errors)? record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var errors = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                using var request = signer.CreateFormRequest("/slack/commands", fields);
                var start = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                    errors++;
            }

            if (record is { } r)
            {
                r.Latencies[worker] = latencies;
                r.Errors[worker] = errors;
            }
        })));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Result(string Name, double[] Latencies, double Seconds, int Errors, TimeSpan Cpu, long Allocated)
    {
        private readonly double[] _sorted = [.. Latencies.Order()];

        public double RequestsPerSecond => Latencies.Length / Seconds;
        public double P50 => Percentile(_sorted, 0.50);
        public double P99 => Percentile(_sorted, 0.99);
        public double CpuPerRequest => Latencies.Length == 0 ? double.NaN : Cpu.TotalMicroseconds / Latencies.Length;
        public double AllocatedPerRequest => Latencies.Length == 0 ? double.NaN : (double)Allocated / Latencies.Length;

        public static Result Combine(IReadOnlyList<Result> rounds) =>
            new(rounds[0].Name, [.. rounds.SelectMany(r => r.Latencies)], rounds.Sum(r => r.Seconds), rounds.Sum(r => r.Errors),
                TimeSpan.FromTicks(rounds.Sum(r => r.Cpu.Ticks)), rounds.Sum(r => r.Allocated));
    }
}
