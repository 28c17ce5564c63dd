using System.Buffers.Binary;
using System.Security.Cryptography;
using AccountBot.Core.Accounts;
using AccountBot.Pictures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Pictures;

public sealed class LinkTokenCodecTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] NewKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private LinkTokenCodec Codec(byte[]? key = null, params byte[][] previous) => new(() => new LinkKeyRing(key ?? Key, previous), time);

    private LinkToken Token(LinkKind kind = LinkKind.Org, int epoch = 0) =>
        new(WorkspaceKey.ForSlack(null, "T02"), Guid.NewGuid(), kind, 1, epoch, time.GetUtcNow().AddDays(1));

    [Theory]
    [InlineData(LinkKind.Grid)]
    [InlineData(LinkKind.Raci)]
    [InlineData(LinkKind.Export)]
    public void Decode_Encoded_RoundTrips(LinkKind kind)
    {
        var token = new LinkToken(WorkspaceKey.ForSlack("E01", "T02"), Guid.NewGuid(), kind, 42, 7, time.GetUtcNow().AddDays(7));

        var text = Codec().Encode(token);

        Assert.Equal(token, Codec().Decode(text));
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Fact]
    public void Decode_OtherKey_Null()
    {
        var text = Codec().Encode(Token());

        Assert.Null(Codec(new byte[32]).Decode(text));
    }

    [Fact]
    public void Decode_SignedByPreviousKey_AcceptedOnlyWhileConfigured()
    {
        var token = Token();
        var text = Codec(Key).Encode(token);

        Assert.Equal(token, Codec(NewKey, Key).Decode(text));
        Assert.Null(Codec(NewKey).Decode(text));
    }

    [Fact]
    public void Decode_NamesAKeyIdNobodyKnows_NullEvenWhenTheMacIsRight()
    {
        var token = Token();
        var bytes = WebEncoders.Base64UrlDecode(Codec().Encode(token));
        var payload = bytes[..^32];
        Assert.Equal(LinkKeyRing.IdOf(Key), BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(1, 4)));
        Assert.Equal(token, Codec().Decode(Resigned(payload)));

        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1, 4), LinkKeyRing.IdOf(Key) ^ 1);

        Assert.Null(Codec().Decode(Resigned(payload)));
    }

    [Fact]
    public void Decode_TokenFromBeforeKeyIds_PictureReadAsEpochZeroExportRefused()
    {
        var mapId = Guid.NewGuid();
        var expires = time.GetUtcNow().AddDays(7);

        // Format 1: version, kind, map id, map version, expiry, workspace; no key id, no epoch.
        static byte[] Legacy(LinkKind kind, Guid mapId, DateTimeOffset expires)
        {
            var workspace = System.Text.Encoding.UTF8.GetBytes(WorkspaceKey.ForSlack(null, "T02").Value);
            var payload = new byte[30 + workspace.Length];
            payload[0] = 1;
            payload[1] = (byte)kind;
            mapId.TryWriteBytes(payload.AsSpan(2, 16));
            BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(18, 4), 5);
            BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(22, 8), expires.ToUnixTimeSeconds());
            workspace.CopyTo(payload, 30);
            return payload;
        }

        Assert.Equal(
            new LinkToken(WorkspaceKey.ForSlack(null, "T02"), mapId, LinkKind.Grid, 5, 0, expires),
            Codec().Decode(Resigned(Legacy(LinkKind.Grid, mapId, expires))));
        Assert.Null(Codec().Decode(Resigned(Legacy(LinkKind.Export, mapId, expires))));
        Assert.Null(Codec(NewKey, Key).Decode(Resigned(Legacy(LinkKind.Grid, mapId, expires))));
    }

    [Fact]
    public void Decode_AtExpiry_Null()
    {
        var text = Codec().Encode(Token() with { Expires = time.GetUtcNow().AddDays(7) });

        time.Advance(TimeSpan.FromDays(7));

        Assert.Null(Codec().Decode(text));
    }

    [Fact]
    public void Decode_NonCanonicalSpelling_Null()
    {
        var text = Codec().Encode(Token(LinkKind.Grid) with { Workspace = WorkspaceKey.ForSlack(null, "T0") });
        var last = text[^1];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        // Changing only the unused low bits of the last character decodes to the same bytes.
        var twins = alphabet.Where(c => c != last && (alphabet.IndexOf(c, StringComparison.Ordinal) >> 4) == (alphabet.IndexOf(last, StringComparison.Ordinal) >> 4));

        Assert.All(twins, c => Assert.Null(Codec().Decode(text[..^1] + c)));
    }

    private static string Resigned(byte[] payload) => WebEncoders.Base64UrlEncode([.. payload, .. HMACSHA256.HashData(Key, payload)]);
}
