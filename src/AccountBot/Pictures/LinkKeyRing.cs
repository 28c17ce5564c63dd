using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AccountBot.Pictures;

/// <summary>
/// The keys links are checked with: the current one, which signs every new link, and previous ones,
/// still accepted so that links they signed keep working until they expire. A token names its key by
/// id; the id is derived from the key (the first 4 bytes of its SHA-256), so operators never name keys.
/// </summary>
public sealed class LinkKeyRing
{
    private readonly Dictionary<uint, byte[]> byId = [];

    public LinkKeyRing(byte[] current, IEnumerable<byte[]> previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        Current = current;
        CurrentId = IdOf(current);
        byId[CurrentId] = current;
        foreach (var key in previous)
        {
            // Two different 32-byte keys sharing an id is a one-in-four-billion accident: the current key wins.
            byId.TryAdd(IdOf(key), key);
        }
    }

    public byte[] Current { get; }

    public uint CurrentId { get; }

    /// <summary>The key a token names, or null when it is none of the configured ones.</summary>
    public byte[]? Find(uint id) => byId.GetValueOrDefault(id);

    public static uint IdOf(byte[] key) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(key));
}
