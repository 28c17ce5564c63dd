using System.Text.Json;
using AccountBot.Adapters.Buffers;

namespace AccountBot.Adapters.Tests.Buffers;

public sealed class PooledBufferTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(0, true)]
    [InlineData(2_500, true)]
    [InlineData(2_500, false)]
    [InlineData(70_000, false)] // no Content-Length: grows from 4 KB several times
    public async Task ReadAsync_BodyWithinLimit_ReturnsExactlyTheBody(int size, bool announced)
    {
        var bytes = Bytes(size);

        using var body = await PooledBuffer.ReadAsync(new TrickleStream(bytes, chunk: 1_000), announced ? size : null, 100_000, Ct);

        Assert.NotNull(body);
        Assert.Equal(bytes, body.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task ReadAsync_BodyExactlyAtTheLimit_IsAccepted()
    {
        using var body = await PooledBuffer.ReadAsync(new TrickleStream(Bytes(4_096), chunk: 4_096), null, 4_096, Ct);

        Assert.Equal(4_096, body?.Length);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_RefusesWithoutReading()
    {
        var stream = new TrickleStream(Bytes(10), chunk: 10);

        var body = await PooledBuffer.ReadAsync(stream, 5_000, 4_096, Ct);

        Assert.Null(body);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_UndeclaredBodyOverTheLimit_StopsOneByteAfterTheLimit()
    {
        var endless = new TrickleStream(Bytes(10_000_000), chunk: 64 * 1024);

        var body = await PooledBuffer.ReadAsync(endless, null, 4_096, Ct);

        Assert.Null(body);
        Assert.Equal(4_097, endless.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_BodyLongerThanItsContentLength_IsStillBounded()
    {
        var lying = new TrickleStream(Bytes(50_000), chunk: 8_192);

        var body = await PooledBuffer.ReadAsync(lying, 100, 4_096, Ct);

        Assert.Null(body);
        Assert.Equal(4_097, lying.BytesRead);
    }

    [Fact]
    public void AsJsonWriterTarget_LargeDocument_HoldsTheSameBytesAsSerializeToUtf8Bytes()
    {
        var value = Enumerable.Range(0, 3_000).Select(i => new { Name = $"Person {i}", Title = "Director of Operations" }).ToArray();
        using var buffer = new PooledBuffer(16);

        using (var writer = new Utf8JsonWriter(buffer))
            JsonSerializer.Serialize(writer, value);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(value), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Advance_PastTheRentedArray_Throws()
    {
        using var buffer = new PooledBuffer(256);
        var room = buffer.GetSpan().Length;

        Assert.Throws<InvalidOperationException>(() => buffer.Advance(room + 1));
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndTheBufferCannotBeUsedAfter()
    {
        var buffer = new PooledBuffer();
        buffer.GetSpan()[0] = 42;
        buffer.Advance(1);

        buffer.Dispose();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.WrittenMemory);
        Assert.Throws<ObjectDisposedException>(() => buffer.GetMemory());
    }

    private static byte[] Bytes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a socket does, and counts what was read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public int BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = Math.Min(Math.Min(chunk, buffer.Length), bytes.Length - _position);
            bytes.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return ValueTask.FromResult(count);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
