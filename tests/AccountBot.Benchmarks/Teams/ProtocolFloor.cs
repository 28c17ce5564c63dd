using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using AccountBot.Adapters.FollowUps;
using AccountBot.Teams.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Benchmarks.Teams;

/// <summary>
/// The least any Bot Framework bot must do for a message that wants a card back: deserialise the activity, answer 200,
/// then POST a reply to the connector. The reply is the host's own bytes for the measured command, sent after the 200
/// from a queue as deep as the host's, by as many senders, over a plain HttpClient. Nothing is looked up
/// or drawn, so AccountBot/floor is the bot's own overhead and floor/bare is what the protocol itself costs here.
/// </summary>
public sealed class ProtocolFloor : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private readonly HttpClient _http;
    private readonly Channel<bool> _replies = Channel.CreateBounded<bool>(FollowUpQueue.Capacity);
    private readonly Task[] _senders;

    private ProtocolFloor(LoopbackApp app, HttpClient http, Uri replyUri, byte[] reply)
    {
        _app = app;
        _http = http;
        _senders = [.. Enumerable.Range(0, FollowUpWorker.Concurrency).Select(_ => Task.Run(() => SendRepliesAsync(replyUri, reply)))];
    }

    public Uri Address => _app.Address;

    public static async Task<ProtocolFloor> StartAsync(Uri replyUri, byte[] reply)
    {
        ProtocolFloor? floor = null;
        var app = await LoopbackApp.StartAsync(web => web.MapPost("/api/messages", (HttpContext context) => floor!.HandleAsync(context)));
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        floor = new ProtocolFloor(app, http, replyUri, reply);
        return floor;
    }

    public async ValueTask DisposeAsync()
    {
        _replies.Writer.Complete();
        await Task.WhenAll(_senders);
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var activity = await JsonSerializer.DeserializeAsync(context.Request.Body, TeamsJsonContext.Default.Activity, context.RequestAborted);
        if (activity?.Type is not { Length: > 0 })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await context.Response.CompleteAsync();
        await _replies.Writer.WriteAsync(true, CancellationToken.None);
    }

    private async Task SendRepliesAsync(Uri replyUri, byte[] reply)
    {
        await foreach (var _ in _replies.Reader.ReadAllAsync())
        {
            using var content = new ByteArrayContent(reply);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(replyUri, content);
            response.EnsureSuccessStatusCode();
        }
    }
}
