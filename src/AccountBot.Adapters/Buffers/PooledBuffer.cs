using System.Buffers;

namespace AccountBot.Adapters.Buffers;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>. Request bodies are read
/// into it and outgoing JSON is written into it, so a busy endpoint does not hand the garbage
/// collector tens of kilobytes per request. <see cref="Dispose"/> gives the array back: the
/// written memory must not be used after that.
/// </summary>
public sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private const int MinimumCapacity = 256;
    private byte[]? _array;
    private int _length;

    public PooledBuffer(int initialCapacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MinimumCapacity));
    }

    /// <summary>How many bytes have been written.</summary>
    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => Rented.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => Rented.AsMemory(0, _length);

    private byte[] Rented => _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, or returns null (and keeps nothing) as soon as
    /// more than <paramref name="limit"/> bytes have arrived; a declared
    /// <paramref name="contentLength"/> above the limit is refused before anything is read.
    /// </summary>
    public static async Task<PooledBuffer?> ReadAsync(Stream stream, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (contentLength > limit)
            return null;

        // One byte more than announced, so the read that finds the end needs no bigger array.
        var buffer = new PooledBuffer(contentLength is { } announced ? (int)announced + 1 : 4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory();
                var room = Math.Min(memory.Length, limit + 1 - buffer._length);
                var read = await stream.ReadAsync(memory[..room], cancellationToken);
                if (read == 0)
                {
                    var body = buffer;
                    buffer = null;
                    return body;
                }

                buffer.Advance(read);
                if (buffer._length > limit)
                    return null;
            }
        }
        finally
        {
            buffer?.Dispose();
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > Rented.Length - _length)
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return Rented.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return Rented.AsSpan(_length);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
            ArrayPool<byte>.Shared.Return(array);
    }

    private void EnsureRoom(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var array = Rented;
        var needed = (long)_length + Math.Max(sizeHint, 1);
        if (needed <= array.Length)
            return;
        if (needed > Array.MaxLength)
            throw new OutOfMemoryException("A pooled buffer cannot grow beyond the largest array.");

        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(needed, 2L * array.Length), Array.MaxLength));
        array.AsSpan(0, _length).CopyTo(bigger);
        _array = bigger;
        ArrayPool<byte>.Shared.Return(array);
    }
}
