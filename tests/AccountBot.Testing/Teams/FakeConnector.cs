using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AccountBot.Testing.Teams;

/// <summary>
/// A Bot Connector on 127.0.0.1 that records every request (with the raw, still-escaped target)
/// and answers scripted responses in order, then defaults: 201 <c>{"id":…}</c> for sends,
/// <c>{"id","activityId"}</c> for new conversations, one member for pagedmembers. Its
/// <see cref="ServiceUrl"/> has a path and a trailing slash, like Teams' (<c>…/emea/</c>).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeConnectorResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;
    private int _nextId;
    private Task _hold = Task.CompletedTask;

    private FakeConnector()
    {
    }

    public string ServiceUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

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
        _requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, authorization, body));
        await _hold.WaitAsync(context.RequestAborted);

        if (_script.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body, context.RequestAborted);
            }

            return;
        }

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
}
