using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Testing.Slack;

/// <summary>
/// A fake Slack Web API on 127.0.0.1 (a free port): <c>POST /api/{method}</c> and <c>POST /response/{id}</c>
/// (response_url). Records every call; answers each method by <see cref="Responder"/>, its script
/// (<see cref="Script"/>) or a plausible success. Successful chat.postMessage calls land in a channel
/// (<see cref="Posts"/>, timestamped on the fake's clock) and conversations.history reads them back, metadata
/// included. Use <see cref="ApiBaseUrl"/> as <c>Slack:ApiBaseUrl</c>.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSlackReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeSlackPost> _posts = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _counter;

    private FakeSlackApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>The method name recorded for a POST to an <c>upload_url</c> from files.getUploadURLExternal.</summary>
    public const string UploadUrlMethod = "upload_url";

    public Uri BaseUrl { get; private set; } = null!;
    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>A response_url that points at this fake.</summary>
    public string ResponseUrl(string id = "1") => new Uri(BaseUrl, "response/" + id).AbsoluteUri;

    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>Messages that landed in channels, in order.</summary>
    public IReadOnlyList<FakeSlackPost> Posts => [.. _posts];

    /// <summary>
    /// Consulted first for every call: a reply, or null to fall through to the scripts and defaults. For answers that
    /// depend on the call or the time (a rate-limit storm until some instant, one channel throttled).
    /// </summary>
    public Func<FakeSlackCall, FakeSlackReply?>? Responder { get; set; }

    public static async Task<FakeSlackApi> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeSlackApi(app, timeProvider ?? TimeProvider.System);
        app.MapPost("/api/{method}", (HttpContext context, string method) => fake.HandleAsync(context, method));
        app.MapPost("/response/{id}", (HttpContext context, string id) => fake.HandleAsync(context, "response_url"));
        app.MapPost("/upload/{id}", (HttpContext context, string id) => fake.HandleAsync(context, UploadUrlMethod));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Queues answers for <paramref name="method"/> (e.g. <c>chat.postMessage</c>, <c>response_url</c>), used in order; then the default success.</summary>
    public void Script(string method, params FakeSlackReply[] replies)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeSlackReply>());
        foreach (var reply in replies)
            queue.Enqueue(reply);
    }

    /// <summary>Waits (without polling) until <paramref name="count"/> calls to <paramref name="method"/> have been recorded.</summary>
    public async Task<IReadOnlyList<FakeSlackCall>> WaitForCallsAsync(string method, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before counting, so a call that lands in between still wakes us.
            var arrived = Volatile.Read(ref _arrived).Task;
            var calls = CallsTo(method);
            if (calls.Count >= count)
                return calls;
            await arrived.WaitAsync(cancellationToken);
        }
    }

    private async Task HandleAsync(HttpContext context, string method)
    {
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        var bytes = raw.ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes));
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var call = new FakeSlackCall(method, headers, context.Request.ContentType ?? "", body, _time.GetUtcNow()) { BodyBytes = bytes };
        _calls.Enqueue(call);
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        var reply = Responder?.Invoke(call)
            ?? (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted) ? scripted : FakeSlackReply.Ok());
        var lands = method == "chat.postMessage" && reply.Status == 200 && reply.Json is null;
        FakeSlackPost? post = lands && reply.PostsBeforeAnswer ? Land(call) : null;
        if (reply.IsStall)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await reply.WaitForReleaseAsync(both.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (lands && post is null)
            post = Land(call);

        context.Response.StatusCode = reply.Status;
        if (reply.SetCookie is { } cookie)
            context.Response.Headers.SetCookie = cookie;
        if (reply.RetryAfterSeconds is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (method == "response_url" && reply.Json is null)
        {
            await context.Response.WriteAsync("ok", context.RequestAborted);
            return;
        }

        if (method == UploadUrlMethod && reply.Json is null)
        {
            await context.Response.WriteAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"OK - {bytes.Length}"), context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Json ?? DefaultSuccess(method, call, post), context.RequestAborted);
    }

    private FakeSlackPost Land(FakeSlackCall call)
    {
        var channel = call.Json.TryGetProperty("channel", out var c) ? c.GetString() ?? "" : "";
        var post = new FakeSlackPost(channel, NextTs(call.At), call.At, call);
        _posts.Enqueue(post);
        return post;
    }

    /// <summary>A unique Slack ts at an instant: seconds since the epoch, then a counter as the six decimals.</summary>
    private string NextTs(DateTimeOffset at) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _counter) % 1_000_000:D6}");

    /// <summary>conversations.history over the landed posts: channel, oldest (inclusive), newest first, limit and an offset cursor.</summary>
    private string History(FakeSlackCall call)
    {
        var form = call.Form;
        var channel = form.GetValueOrDefault("channel") ?? "";
        var oldest = decimal.Parse(form.GetValueOrDefault("oldest") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(form.GetValueOrDefault("limit") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        var offset = int.Parse(form.GetValueOrDefault("cursor") is { Length: > 0 } cursor ? cursor : "0", System.Globalization.CultureInfo.InvariantCulture);
        var matching = _posts
            .Where(p => p.Channel == channel && decimal.Parse(p.Ts, System.Globalization.CultureInfo.InvariantCulture) >= oldest)
            .Reverse()
            .ToList();
        var page = matching.Skip(offset).Take(limit).Select(p => new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["ts"] = p.Ts,
            ["bot_id"] = "B0BOT",
            ["metadata"] = p.Metadata,
        });
        var more = offset + limit < matching.Count;
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["ok"] = true,
            ["messages"] = page,
            ["has_more"] = more,
            ["response_metadata"] = new Dictionary<string, object?> { ["next_cursor"] = more ? (offset + limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : "" },
        });
    }

    private string DefaultSuccess(string method, FakeSlackCall call, FakeSlackPost? post)
    {
        var n = Interlocked.Increment(ref _counter);
        var ts = post?.Ts ?? $"1700000000.{n:D6}";
        string? Field(string name) =>
            call.ContentType.StartsWith("application/json", StringComparison.Ordinal) && call.Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return method switch
        {
            "chat.postMessage" or "chat.update" => JsonSerializer.Serialize(new { ok = true, channel = Field("channel"), ts = Field("ts") ?? ts }),
            "conversations.history" => History(call),
            "conversations.open" => JsonSerializer.Serialize(new { ok = true, channel = new { id = "D" + (call.Form.TryGetValue("users", out var user) ? user : "0"), is_im = true } }),
            "chat.postEphemeral" => JsonSerializer.Serialize(new { ok = true, message_ts = ts }),
            "views.open" or "views.push" or "views.update" => JsonSerializer.Serialize(new { ok = true, view = new { id = Field("view_id") ?? $"V{n:D6}", hash = $"hash-{n}" } }),
            "files.getUploadURLExternal" => JsonSerializer.Serialize(new { ok = true, upload_url = new Uri(BaseUrl, $"upload/F{n:D6}").AbsoluteUri, file_id = $"F{n:D6}" }),
            "files.completeUploadExternal" => """{"ok":true,"files":[{"id":"F000001","title":"uploaded"}]}""",
            "users.info" => """{"ok":true,"user":{"id":"U0SOMEONE","name":"someone","real_name":"Some One","profile":{"display_name":"","real_name":"Some One"}}}""",
            "auth.test" => """{"ok":true,"url":"https://fake.example/","team":"Fake","user":"accountbot","team_id":"T0FAKE","user_id":"U0BOT","bot_id":"B0BOT"}""",
            "oauth.v2.access" => """{"ok":true,"access_token":"xoxb-fake-installed","token_type":"bot","scope":"commands,chat:write","bot_user_id":"U0BOT","app_id":"A0FAKE","team":{"id":"T0FAKE","name":"Fake"},"enterprise":null,"authed_user":{"id":"U0INSTALLER"},"is_enterprise_install":false}""",
            _ => """{"ok":true}""",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
