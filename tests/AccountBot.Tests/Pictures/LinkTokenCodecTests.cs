using AccountBot.Core.Accounts;
using AccountBot.Pictures;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Tests.Pictures;

public sealed class LinkTokenCodecTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private LinkTokenCodec Codec(byte[]? key = null) => new(() => key ?? Key, time);

    [Theory]
    [InlineData(LinkKind.Grid)]
    [InlineData(LinkKind.Raci)]
    [InlineData(LinkKind.Export)]
    public void Decode_Encoded_RoundTrips(LinkKind kind)
    {
        var token = new LinkToken(WorkspaceKey.ForSlack("E01", "T02"), Guid.NewGuid(), kind, 42, time.GetUtcNow().AddDays(7));

        var text = Codec().Encode(token);

        Assert.Equal(token, Codec().Decode(text));
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Fact]
    public void Decode_OtherKey_Null()
    {
        var text = Codec().Encode(new LinkToken(WorkspaceKey.ForSlack(null, "T02"), Guid.NewGuid(), LinkKind.Org, 1, time.GetUtcNow().AddDays(1)));

        Assert.Null(Codec(new byte[32]).Decode(text));
    }

    [Fact]
    public void Decode_AtExpiry_Null()
    {
        var text = Codec().Encode(new LinkToken(WorkspaceKey.ForSlack(null, "T02"), Guid.NewGuid(), LinkKind.Org, 1, time.GetUtcNow().AddDays(7)));

        time.Advance(TimeSpan.FromDays(7));

        Assert.Null(Codec().Decode(text));
    }

    [Fact]
    public void Decode_NonCanonicalSpelling_Null()
    {
        var text = Codec().Encode(new LinkToken(WorkspaceKey.ForSlack(null, "T0"), Guid.NewGuid(), LinkKind.Grid, 1, time.GetUtcNow().AddDays(1)));
        var last = text[^1];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        // Changing only the unused low bits of the last character decodes to the same bytes.
        var twins = alphabet.Where(c => c != last && (alphabet.IndexOf(c, StringComparison.Ordinal) >> 4) == (alphabet.IndexOf(last, StringComparison.Ordinal) >> 4));

        Assert.All(twins, c => Assert.Null(Codec().Decode(text[..^1] + c)));
    }
}
