using System.Net.Sockets;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Testing.ScaleOut;

/// <summary>
/// A load balancer in front of several host processes, as small as will do: every request goes to the next
/// instance in turn (round robin), with its method, path, query, headers and body, and the instance's answer goes
/// back unchanged. An instance that refuses the connection (dead) is skipped for that request, as a balancer's health
/// check would; an instance that dies with the request in flight makes it a 502 (the client never learns the
/// outcome). <see cref="Served"/> records which instance answered each request, in order, so a test can say that
/// two steps of one flow went to different instances.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    private readonly Uri[] _instances;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly List<(string Path, int Instance)> _served = [];
    private WebApplication? _app;
    private long _next = -1;

    private RoundRobinProxy(Uri[] instances) => _instances = instances;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Which instance (index into the list it was started with) answered each request, oldest first.</summary>
    public IReadOnlyList<(string Path, int Instance)> Served
    {
        get
        {
            lock (_served)
                return [.. _served];
        }
    }

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<Uri> instances, CancellationToken cancellationToken)
    {
        var proxy = new RoundRobinProxy([.. instances]);
        (proxy._app, proxy.BaseAddress) = await LoopbackServer.StartAsync(app => app.Run(proxy.ForwardAsync), cancellationToken);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        // Read once: a request retried on the next instance must carry the same body.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var first = Interlocked.Increment(ref _next);
        for (var attempt = 0; attempt < _instances.Length; attempt++)
        {
            var instance = (int)((first + attempt) % _instances.Length);
            using var request = Copy(context.Request, _instances[instance], body);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                continue;
            }
            catch (HttpRequestException)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            using (response)
            {
                lock (_served)
                    _served.Add((context.Request.Path.Value ?? string.Empty, instance));
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                {
                    if (!HopByHop.Contains(name))
                        context.Response.Headers[name] = values.ToArray();
                }

                try
                {
                    await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                }
                catch (HttpRequestException)
                {
                    // The instance died while answering: the client sees a broken answer, as behind a real balancer.
                    context.Abort();
                }
                catch (IOException)
                {
                    context.Abort();
                }

                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }

    private static HttpRequestMessage Copy(HttpRequest from, Uri instance, byte[] body)
    {
        var target = new Uri(instance, from.Path.Value + from.QueryString.Value);
        var request = new HttpRequestMessage(new HttpMethod(from.Method), target) { Content = new ByteArrayContent(body) };
        foreach (var (name, values) in from.Headers)
        {
            // The body's length is set by its content, which is the buffered copy.
            if (HopByHop.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        return request;
    }
}
