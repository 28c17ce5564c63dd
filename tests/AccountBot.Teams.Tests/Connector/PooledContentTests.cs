using System.Buffers;
using System.Net.Http.Headers;
using AccountBot.Adapters.Buffers;
using AccountBot.Teams.Connector;

namespace AccountBot.Teams.Tests.Connector;

public sealed class PooledContentTests
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    [Fact]
    public async Task CopyTo_Twice_WritesTheWholeBodyEachTime()
    {
        using var content = new PooledContent(Buffer("""{"text":"hi"}"""), Json);

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await content.CopyToAsync(first);
        await content.CopyToAsync(second);

        Assert.Equal("""{"text":"hi"}"""u8.ToArray(), first.ToArray());
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(13, content.Headers.ContentLength);
        Assert.Equal("application/json; charset=utf-8", content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Dispose_WhileASendIsStillWriting_KeepsTheBytesUntilTheWriteEnds()
    {
        var expected = Enumerable.Range(0, 20_000).Select(i => (byte)('a' + (i % 26))).ToArray();
        var buffer = new PooledBuffer(expected.Length);
        expected.CopyTo(buffer.GetSpan(expected.Length));
        buffer.Advance(expected.Length);
        var content = new PooledContent(buffer, Json);
        var stalled = new StalledStream();

        var sending = content.CopyToAsync(stalled);
        await stalled.Started;
        content.Dispose(); // a cancelled request lets go of its content while the socket write is pending
        ScribbleOnPooledArrays(expected.Length);
        stalled.Release();
        await sending;

        Assert.Equal(expected, stalled.Written);
        Assert.Throws<ObjectDisposedException>(() => buffer.WrittenMemory); // and then it went back
    }

    [Fact]
    public async Task CopyTo_AfterDispose_Throws()
    {
        var content = new PooledContent(Buffer("{}"), Json);
        content.Dispose();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => content.CopyToAsync(Stream.Null));
    }

    private static PooledBuffer Buffer(string json)
    {
        var buffer = new PooledBuffer();
        var written = System.Text.Encoding.UTF8.GetBytes(json, buffer.GetSpan(json.Length * 3));
        buffer.Advance(written);
        return buffer;
    }

    /// <summary>Rents and overwrites arrays of this size, as other requests would if the buffer had gone back too early.</summary>
    private static void ScribbleOnPooledArrays(int size)
    {
        var rented = Enumerable.Range(0, 16).Select(_ => ArrayPool<byte>.Shared.Rent(size)).ToArray();
        foreach (var array in rented)
        {
            array.AsSpan().Fill((byte)'#');
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>A stream whose write holds on to the caller's memory until released, like a socket send waiting for room.</summary>
    private sealed class StalledStream : Stream
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public byte[] Written { get; private set; } = [];

        public void Release() => _release.SetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _started.SetResult();
            await _release.Task;
            Written = buffer.ToArray();
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
