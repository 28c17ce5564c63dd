using System.Net;
using System.Net.Http.Headers;
using AccountBot.Adapters.Buffers;

namespace AccountBot.Teams.Connector;

/// <summary>
/// A request body held in a <see cref="PooledBuffer"/> (a serialised activity, often a 20 KB card).
/// It can be sent more than once (the retry pipeline resends it), and its buffer goes back to the
/// pool only when the content has been disposed and no send is still writing from it: a cancelled
/// request can leave a write running after the request's owner has let go.
/// </summary>
internal sealed class PooledContent : HttpContent
{
    private readonly PooledBuffer _buffer;
    private int _users = 1; // the content itself, plus each send in progress
    private int _disposed;

    public PooledContent(PooledBuffer buffer, MediaTypeHeaderValue contentType)
    {
        _buffer = buffer;
        Headers.ContentType = contentType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _users) == 1)
        {
            Interlocked.Decrement(ref _users);
            throw new ObjectDisposedException(nameof(PooledContent));
        }

        try
        {
            await stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _buffer.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            Release();

        base.Dispose(disposing);
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _users) == 0)
            _buffer.Dispose();
    }
}
