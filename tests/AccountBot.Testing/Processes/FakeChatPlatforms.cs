using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Testing.Processes;

/// <summary>
/// The two platforms the crash loop's host talks to, on one loopback port, outliving every host process: a Bot
/// Connector under <see cref="TeamsServiceUrl"/> and a Slack Web API under <see cref="SlackApiBaseUrl"/>. Built for
/// volume (thousands of calls): instead of a list of everything, each message the clients need is kept in a mailbox
/// keyed by what correlates it with the request that caused it, and taken out once read. Keys:
/// <see cref="ReplyKey"/> (a Teams reply to an inbound activity), <see cref="UpdateKey"/> (a Teams card replaced in
/// place), <see cref="ViewsOpenKey"/> (a Slack <c>views.open</c> by trigger id).
/// </summary>
public sealed class FakeChatPlatforms : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Mailbox> _mailboxes = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _nextId;

    private FakeChatPlatforms()
    {
    }

    /// <summary>The Bot Connector's base address (the <c>serviceUrl</c> of every inbound activity), with a trailing slash.</summary>
    public string TeamsServiceUrl { get; private set; } = null!;

    /// <summary>Use as <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri SlackApiBaseUrl { get; private set; } = null!;

    /// <summary>A <c>response_url</c> for slash commands: answers 200, keeps nothing.</summary>
    public Uri SlackResponseUrl { get; private set; } = null!;

    public static string ReplyKey(string activityId) => "reply:" + activityId;

    public static string UpdateKey(string messageId) => "update:" + messageId;

    public static string ViewsOpenKey(string triggerId) => "views.open:" + triggerId;

    public static async Task<FakeChatPlatforms> StartAsync(CancellationToken cancellationToken)
    {
        var platforms = new FakeChatPlatforms();
        (platforms._app, var baseAddress) = await LoopbackServer.StartAsync(app => app.Run(platforms.HandleAsync), cancellationToken);
        platforms.TeamsServiceUrl = baseAddress + "teams/";
        platforms.SlackApiBaseUrl = new Uri(baseAddress, "slack/api/");
        platforms.SlackResponseUrl = new Uri(baseAddress, "slack/response");
        return platforms;
    }

    /// <summary>Waits (without polling) until <paramref name="key"/> has a message or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitAsync(string key, CancellationToken cancellationToken) => Box(key).Arrived.Task.WaitAsync(cancellationToken);

    /// <summary>Waits until any of <paramref name="keys"/> has a message.</summary>
    public async Task WaitAnyAsync(IEnumerable<string> keys, CancellationToken cancellationToken) =>
        await await Task.WhenAny(keys.Select(k => Box(k).Arrived.Task)).WaitAsync(cancellationToken);

    /// <summary>Removes and returns what arrived under <paramref name="key"/> so far (oldest first); empty when nothing did.</summary>
    public IReadOnlyList<PlatformMessage> Take(string key)
    {
        if (!_mailboxes.TryRemove(key, out var box))
            return [];
        lock (box.Items)
            return [.. box.Items];
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private Mailbox Box(string key) => _mailboxes.GetOrAdd(key, _ => new Mailbox());

    private void Deliver(string key, PlatformMessage message)
    {
        var box = Box(key);
        lock (box.Items)
            box.Items.Add(message);
        box.Arrived.TrySetResult();
    }

    private string NewId() => "m" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (status, answer) = segments switch
        {
            ["teams", .. var rest] => Connector(context.Request.Method, rest, body),
            ["slack", "api", var method] => SlackApi(method, body),
            ["slack", "response"] => (StatusCodes.Status200OK, "{}"),
            _ => (StatusCodes.Status404NotFound, "{}"),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    private (int Status, string Body) Connector(string method, string[] path, string body)
    {
        // Path segments arrive unescaped: Teams ids (a:…, 19:…@thread.tacv2) are one segment each.
        switch (path)
        {
            case ["v3", "conversations", _, "activities", var replyTo] when HttpMethods.IsPost(method):
            {
                var id = NewId();
                Deliver(ReplyKey(replyTo), new PlatformMessage(id, body));
                return (StatusCodes.Status201Created, JsonSerializer.Serialize(new { id }));
            }

            case ["v3", "conversations", _, "activities", var messageId] when HttpMethods.IsPut(method):
                Deliver(UpdateKey(messageId), new PlatformMessage(messageId, body));
                return (StatusCodes.Status200OK, JsonSerializer.Serialize(new { id = messageId }));

            case ["v3", "conversations", _, "activities"]:
                return (StatusCodes.Status201Created, JsonSerializer.Serialize(new { id = NewId() }));

            case ["v3", "conversations"]:
            {
                var id = NewId();
                return (StatusCodes.Status201Created, JsonSerializer.Serialize(new { id = "19:crash@thread.tacv2;messageid=" + id, activityId = id }));
            }

            // The bot looks up who sent each request (guests and other tenants see no maps): everyone here is a member.
            case ["v3", "conversations", _, "members", var userId] when HttpMethods.IsGet(method):
                return (StatusCodes.Status200OK, JsonSerializer.Serialize(new { id = userId, userRole = "user" }));

            case ["v3", "conversations", _, "pagedmembers"]:
                return (StatusCodes.Status200OK, """{"members":[]}""");

            default:
                return (StatusCodes.Status404NotFound, "{}");
        }
    }

    private (int Status, string Body) SlackApi(string method, string body)
    {
        var id = NewId();
        switch (method)
        {
            case "views.open" or "views.update" or "views.push":
                if (TryReadString(body, "trigger_id") is { } trigger)
                    Deliver(ViewsOpenKey(trigger), new PlatformMessage(id, body));
                return (StatusCodes.Status200OK, JsonSerializer.Serialize(new { ok = true, view = new { id = "V" + id, hash = "h" + id } }));

            case "chat.postMessage" or "chat.update":
                return (StatusCodes.Status200OK, JsonSerializer.Serialize(new { ok = true, channel = TryReadString(body, "channel"), ts = "1700000000." + id[1..].PadLeft(6, '0') }));

            case "auth.test":
                return (StatusCodes.Status200OK, """{"ok":true,"team_id":"T0CRASH","user_id":"U0BOT","bot_id":"B0BOT"}""");

            default:
                return (StatusCodes.Status200OK, """{"ok":true}""");
        }
    }

    private static string? TryReadString(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Mailbox
    {
        public List<PlatformMessage> Items { get; } = [];

        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
