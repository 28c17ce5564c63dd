using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Benchmarks.Teams;

/// <summary>
/// <c>dotnet run -c Release --project tests/AccountBot.Benchmarks -- teams-load [seconds] [concurrency] [command…]</c>:
/// POSTs <c>map Acme</c> message activities (a 30-person map) to the real host's <c>/api/messages</c>
/// (dev bypass, replies going to a local fake connector that answers 201), then the same activity to a
/// bare endpoint that only deserialises it and answers 200, and prints requests/s, the ratio and latency.
/// </summary>
public static partial class TeamsLoad
{
    internal const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static async Task<int> RunAsync(string[] args)
    {
        // Long enough for tiered compilation to finish under load: with 3 s the host was still JIT-compiling (0.4-0.6 s of
        // JIT per second) and the figures measured the warm-up, not the endpoint.
        var warmUp = TimeSpan.FromSeconds(20);
        if (args.FirstOrDefault(a => a.StartsWith("--warm-up=", StringComparison.Ordinal)) is { } option)
        {
            warmUp = TimeSpan.FromSeconds(double.Parse(option["--warm-up=".Length..], CultureInfo.InvariantCulture));
            args = [.. args.Where(a => a != option)];
        }

        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;

        await using var connector = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{**rest}", (HttpContext context) => FakeConnectorAsync(context));
            // The bot looks up each sender once per five minutes (guests and other tenants see no maps): a member.
            app.MapGet("/v3/conversations/{conversation}/members/{user}", (string user) => Results.Json(new { id = user, userRole = "user" }));
        });
        await using var bare = await LoopbackApp.StartAsync(app => app.MapPost("/api/messages", (Delegate)BareAsync));
        await using var host = await HostProcess.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        var serviceUrl = connector.Address.ToString().TrimEnd('/');
        var command = args.Length > 2 ? string.Join(' ', args[2..]) : "map Acme";
        await SeedAsync(client, host.Endpoint, serviceUrl, connector);
        var reply = await CaptureReplyAsync(client, host.Endpoint, connector, Message(command, serviceUrl));
        connector.KeepLastBody = false;
        await using var floor = await ProtocolFloor.StartAsync(new Uri(connector.Address, "v3/conversations/a%3A1/activities/1"), reply);
        var body = Encoding.UTF8.GetBytes(Message(command, serviceUrl));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"teams-load: '{command}', {concurrency} concurrent, {warmUp.TotalSeconds:0} s warm-up + {seconds} s measured each, map of 30 stakeholders, reply {reply.Length / 1024.0:0.0} KB; {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        var product = await LoadAsync(client, host.Endpoint, body, concurrency, warmUp, TimeSpan.FromSeconds(seconds), host.CpuMilliseconds);
        var protocol = await LoadAsync(client, new Uri(floor.Address, "api/messages"), body, concurrency, warmUp, TimeSpan.FromSeconds(seconds));
        var baseline = await LoadAsync(client, new Uri(bare.Address, "api/messages"), body, concurrency, warmUp, TimeSpan.FromSeconds(seconds));

        Print("AccountBot /api/messages          ", product);
        Print("floor: deserialise + 200 + reply  ", protocol);
        Print("bare: deserialise + 200           ", baseline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio AccountBot/bare: {product.RequestsPerSecond / baseline.RequestsPerSecond:0.00} (target >= 0.5); floor/bare: {protocol.RequestsPerSecond / baseline.RequestsPerSecond:0.00}; AccountBot/floor: {product.RequestsPerSecond / protocol.RequestsPerSecond:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AccountBot p99 {product.P99:0.0} ms (target <= 50 ms); host CPU {product.CpuMicrosecondsPerRequest:0} us per request; load average {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"connector calls received: {connector.Counter.Value} (AccountBot and floor replies)"));
        return product.Errors == 0 && protocol.Errors == 0 ? 0 : 1;
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages, printed with every figure (the cores are shared).</summary>
    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Posts the measured command once and keeps the reply the host sent for it (the floor sends the same bytes).</summary>
    private static async Task<byte[]> CaptureReplyAsync(HttpClient client, Uri endpoint, LoopbackApp connector, string json)
    {
        await PostAsync(client, endpoint, connector, json);
        return Encoding.UTF8.GetBytes(connector.LastBody ?? throw new InvalidOperationException("The host sent no reply."));
    }

    private static void Print(string name, LoadResult r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {r.RequestsPerSecond,8:0} req/s  p50 {r.P50,6:0.0} ms  p99 {r.P99,6:0.0} ms  max {r.Max,6:0.0} ms  ({r.Count} ok, {r.Errors} errors)"));

    /// <param name="cpuMilliseconds">The CPU clock of the process under test, read as the measured window opens and closes.</param>
    private static async Task<LoadResult> LoadAsync(HttpClient client, Uri endpoint, byte[] body, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<double>? cpuMilliseconds = null)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var mine = latencies[i] = new List<double>(8192);
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= end)
                    return;
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                try
                {
                    using var response = await client.PostAsync(endpoint, content);
                    var done = Stopwatch.GetTimestamp();
                    if (response.StatusCode != HttpStatusCode.OK)
                        Interlocked.Increment(ref errors);
                    else if (sent >= measureFrom && done <= end)
                        mine.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        var cpu = cpuMilliseconds is null ? null : Task.Run(async () =>
        {
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom));
            var before = cpuMilliseconds();
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end));
            return cpuMilliseconds() - before;
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var cpuPerRequest = cpu is null || all.Length == 0 ? double.NaN : await cpu * 1000 / all.Length;
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return new LoadResult(all.Length, errors, all.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99), all.Length == 0 ? 0 : all[^1], cpuPerRequest);
    }

    /// <summary>Creates Acme and adds 30 people through the stakeholder form, as a user would.</summary>
    private static async Task SeedAsync(HttpClient client, Uri endpoint, string serviceUrl, LoopbackApp connector)
    {
        await PostAsync(client, endpoint, connector, Message("map Acme create", serviceUrl));
        string[] roles = ["DecisionMaker", "Signer", "Champion", "Influencer", "Blocker", "Gatekeeper", "EndUser"];
        for (var i = 1; i <= 30; i++)
        {
            await PostAsync(client, endpoint, connector, Message("map Acme add", serviceUrl));
            var form = connector.LastBody ?? throw new InvalidOperationException("The host sent no form.");
            var mapId = MapId().Match(form).Groups[1].Value;
            var submissionId = SubmissionId().Match(form).Groups[1].Value;
            var value = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["verb"] = "submitStakeholder",
                ["mapId"] = mapId,
                ["submissionId"] = submissionId,
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"Person {i:D2}"),
                ["title"] = "Director of Operations",
                ["roles"] = roles[i % roles.Length],
                ["power"] = ((i % 5) + 1).ToString(CultureInfo.InvariantCulture),
                ["interest"] = (((i + 2) % 5) + 1).ToString(CultureInfo.InvariantCulture),
                ["nextStep"] = "Book a follow-up call",
            });
            await PostAsync(client, endpoint, connector, Message(null, serviceUrl, value));
        }

        await PostAsync(client, endpoint, connector, Message("map Acme", serviceUrl));
        var map = connector.LastBody ?? string.Empty;
        if (!map.Contains("Person 30", StringComparison.Ordinal))
            throw new InvalidOperationException("Seeding did not produce a 30-person map.");
    }

    /// <summary>Posts one activity and waits for its reply to reach the connector (replies go out after the 200).</summary>
    private static async Task PostAsync(HttpClient client, Uri endpoint, LoopbackApp connector, string json)
    {
        var before = connector.Counter.Value;
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(endpoint, content);
        response.EnsureSuccessStatusCode();
        var waited = Stopwatch.StartNew();
        while (connector.Counter.Value == before)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException("The host sent no reply.");
            await Task.Delay(5);
        }
    }

    internal static string Message(string? text, string serviceUrl, string? valueJson = null)
    {
        var activity = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-03-02T09:00:00Z",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "29:1Xo3lQj2abcDEFghiJKLmnoPQRstuVWxyz", ["name"] = "Ada Lovelace", ["aadObjectId"] = "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b" },
            ["recipient"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "28:0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", ["name"] = "AccountBot" },
            ["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "a:1pLm6uYzR0xWq3T8vBnKc2HdJf5GsAe9NoIkUy7VtQr4", ["conversationType"] = "personal", ["tenantId"] = Tenant },
            ["channelData"] = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Tenant } },
            ["locale"] = "en-US",
            ["textFormat"] = "plain",
            ["entities"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "Europe/Paris" }),
        };
        if (text is not null)
        {
            activity["text"] = text;
        }
        else
        {
            activity["replyToId"] = "1714986002456";
            activity["value"] = System.Text.Json.Nodes.JsonNode.Parse(valueJson!);
        }

        return activity.ToJsonString();
    }

    private static async Task<IResult> BareAsync(HttpContext context)
    {
        var activity = await JsonSerializer.DeserializeAsync(context.Request.Body, TeamsJsonContext.Default.Activity, context.RequestAborted);
        return activity?.Type is { Length: > 0 } ? Results.Ok() : Results.BadRequest();
    }

    private static async Task FakeConnectorAsync(HttpContext context)
    {
        var app = context.RequestServices.GetRequiredService<LoopbackApp.Holder>().App!;
        if (app.KeepLastBody)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            app.LastBody = await reader.ReadToEndAsync(context.RequestAborted);
        }
        else
        {
            // Under load: read and discard, so the fake connector costs the shared cores as little as possible.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        app.Counter.Increment();
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"1795748089784"}""", context.RequestAborted);
    }


    [GeneratedRegex("\"mapId\":\"([0-9a-f-]{36})\"")]
    private static partial Regex MapId();

    [GeneratedRegex("\"submissionId\":\"([^\"]+)\"")]
    private static partial Regex SubmissionId();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
