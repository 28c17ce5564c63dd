using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AccountBot.Testing.Teams;

/// <summary>
/// A Bot Connector on 127.0.0.1 that records every request (with the raw, still-escaped target)
/// and answers by <see cref="Responder"/>, then scripted responses in order, then defaults: 201
/// <c>{"id":…}</c> for sends, <c>{"id","activityId"}</c> for new conversations, one member for
/// pagedmembers. Member lookups (<c>GET …/members/{userId}</c>) are roster reads kept apart in
/// <see cref="MemberLookups"/> and answered from <see cref="SetMember"/>. Requests it answered with success (or accepted before hanging) are in
/// <see cref="Accepted"/>: what Teams would show. Its <see cref="ServiceUrl"/> has a path and a
/// trailing slash, like Teams' (<c>…/emea/</c>).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeConnectorResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<RecordedRequest> _accepted = new();
    private readonly ConcurrentQueue<string> _memberLookups = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _members = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _nextId;
    private Task _hold = Task.CompletedTask;

    private FakeConnector()
    {
    }

    public string ServiceUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests the connector acted on (2xx, or accepted before hanging), in order.</summary>
    public IReadOnlyList<RecordedRequest> Accepted => [.. _accepted];

    /// <summary>
    /// The raw targets of <c>GET /v3/conversations/{id}/members/{userId}</c> lookups, in order. They are roster
    /// reads, answered from <see cref="SetMember"/>: they are not in <see cref="Requests"/> and take no scripted answer.
    /// </summary>
    public IReadOnlyList<string> MemberLookups => [.. _memberLookups];

    /// <summary>
    /// What a member lookup of <paramref name="userId"/> answers: this TeamsChannelAccount JSON. Anyone not set is
    /// a member of the conversation (<c>userRole</c> user, no tenant said).
    /// </summary>
    public void SetMember(string userId, string json) => _members[userId] = (StatusCodes.Status200OK, json);

    /// <summary>A member lookup of <paramref name="userId"/> fails with <paramref name="status"/> (404: not in the conversation).</summary>
    public void FailMemberLookup(string userId, int status) =>
        _members[userId] = (status, """{"error":{"code":"MemberNotFoundInConversation","message":"The member is not in the conversation"}}""");

    /// <summary>Consulted first for every request: an answer, or null for the script and defaults (e.g. a 429 storm until some instant).</summary>
    public Func<RecordedRequest, FakeConnectorResponse?>? Responder { get; set; }

    public static async Task<FakeConnector> StartAsync(CancellationToken cancellationToken = default)
    {
        var connector = new FakeConnector();
        (connector._app, var baseAddress) = await LoopbackServer.StartAsync(app => app.Run(connector.HandleAsync), cancellationToken);
        connector.ServiceUrl = baseAddress + "emea/";
        return connector;
    }

    /// <summary>Requests are recorded at once but answered only when <paramref name="release"/> completes (a stalled connector).</summary>
    public void HoldUntil(Task release) => _hold = release;

    /// <summary>The next unanswered request gets this response.</summary>
    public void Enqueue(int status, string? body = null, string? retryAfter = null) =>
        _script.Enqueue(new FakeConnectorResponse(status, body, retryAfter));

    /// <summary>The next unanswered request gets this response (e.g. <see cref="FakeConnectorResponse.Hang"/>).</summary>
    public void Enqueue(FakeConnectorResponse response) => _script.Enqueue(response);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        var cookie = context.Request.Headers.Cookie.Count > 0 ? context.Request.Headers.Cookie.ToString() : null;
        if (HttpMethods.IsGet(context.Request.Method) && MemberId(context.Request.Path) is { } memberId)
        {
            await AnswerMemberAsync(context, rawTarget, memberId);
            return;
        }

        var request = new RecordedRequest(context.Request.Method, rawTarget, authorization, body, cookie);
        _requests.Enqueue(request);
        await _hold.WaitAsync(context.RequestAborted);

        var chosen = Responder?.Invoke(request);
        if (chosen is not null || _script.TryDequeue(out chosen))
        {
            if (chosen.Hangs)
            {
                if (chosen.AcceptedBeforeHanging)
                    _accepted.Enqueue(request);
                chosen.Arrived.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, or the server is stopping.
                }

                return;
            }

            var scripted = chosen;
            if (scripted.Status is >= 200 and < 300)
                _accepted.Enqueue(request);
            scripted.Arrived.TrySetResult();
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            foreach (var (name, value) in scripted.Headers)
                context.Response.Headers.Append(name, value);
            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body, context.RequestAborted);
            }

            return;
        }

        _accepted.Enqueue(request);
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string answer;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            answer = """{"members":[{"id":"29:1Xo3lQj2abcDEFghiJKLmnoPQRstuVWxyz","name":"Ada Lovelace","aadObjectId":"6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b","userPrincipalName":"ada@contoso.com"}]}""";
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        else if (rawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            answer = $$"""{"id":"19:channel@thread.tacv2;messageid={{id}}","activityId":"{{id}}"}""";
            context.Response.StatusCode = StatusCodes.Status201Created;
        }
        else
        {
            answer = $$"""{"id":"{{id}}"}""";
            context.Response.StatusCode = StatusCodes.Status201Created;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    /// <summary>The userId of <c>/…/v3/conversations/{id}/members/{userId}</c>, else null.</summary>
    private static string? MemberId(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is [.., "v3", "conversations", _, "members", var userId] ? userId : null;
    }

    private async Task AnswerMemberAsync(HttpContext context, string rawTarget, string userId)
    {
        _memberLookups.Enqueue(rawTarget);
        var (status, body) = _members.TryGetValue(userId, out var member)
            ? member
            : (StatusCodes.Status200OK, System.Text.Json.JsonSerializer.Serialize(new { id = userId, userRole = "user" }));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
