using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// One of the Playground's WebSocket streams, read in the background into a <see cref="FrameCollector{T}"/>.
/// Open it before acting: the Playground does not replay frames sent before the socket connected.
/// </summary>
public sealed class PlaygroundStream<TFrame> : IAsyncDisposable
    where TFrame : notnull
{
    private readonly ClientWebSocket _socket;
    private readonly Func<JsonElement, TFrame> _parse;
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    private PlaygroundStream(ClientWebSocket socket, FrameCollector<TFrame> frames, Func<JsonElement, TFrame> parse)
    {
        _socket = socket;
        Frames = frames;
        _parse = parse;
    }

    public FrameCollector<TFrame> Frames { get; }

    /// <summary>Shortcut for <see cref="FrameCollector{T}.WaitForAsync"/>.</summary>
    public Task<TFrame> WaitForAsync(Func<TFrame, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken) =>
        Frames.WaitForAsync(predicate, timeout, cancellationToken);

    internal static async Task<PlaygroundStream<TFrame>> OpenAsync(
        Uri address, Func<JsonElement, TFrame> parse, Func<TFrame, string> describe, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new PlaygroundStream<TFrame>(socket, new FrameCollector<TFrame>(address.AbsolutePath, describe), parse);
        stream._receiving = stream.ReceiveAsync(stream._stop.Token);
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Frames.Note($"the socket closed: {result.CloseStatus} {result.CloseStatusDescription}");
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                try
                {
                    using var document = JsonDocument.Parse(text);
                    Frames.Add(_parse(document.RootElement.Clone()));
                }
                catch (JsonException e)
                {
                    // One odd frame must not end the stream: keep reading, and say why it is missing.
                    Frames.Note($"unparsable frame ({e.Message}): {text}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Frames.Note("the test closed the stream");
        }
        catch (WebSocketException e)
        {
            Frames.Note($"{e.GetType().Name}: {e.Message}");
        }
    }
}
