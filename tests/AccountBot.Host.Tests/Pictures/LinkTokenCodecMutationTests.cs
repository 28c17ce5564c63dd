using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Core.Accounts;
using AccountBot.Pictures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Pictures;

/// <summary>
/// Rules of <see cref="LinkTokenCodec"/> that no other test stated, found by mutation testing (issue #18, round 2):
/// each test kills at least one mutant that survived the rest of the suite.
/// </summary>
public sealed class LinkTokenCodecMutationTests
{
    // Text longer than 2 × (38-byte header + 256-byte workspace + 32-byte MAC) is refused before it is decoded.
    private const int MaxTextLength = 2 * (38 + 256 + 32);

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private LinkTokenCodec Codec() => new(() => new LinkKeyRing(Key, []), time);

    [Fact]
    public void Encode_Null_ThrowsArgumentNull()
    {
        Assert.Equal("token", Assert.Throws<ArgumentNullException>(() => Codec().Encode(null!)).ParamName);
    }

    [Fact]
    public void Encode_WorkspaceOf256Bytes_RoundTrips()
    {
        var token = Token(WorkspaceOfBytes(256));

        Assert.Equal(token, Codec().Decode(Codec().Encode(token)));
    }

    [Fact]
    public void Encode_WorkspaceOf257Bytes_RefusedAsTooLong()
    {
        var error = Assert.Throws<ArgumentException>(() => Codec().Encode(Token(WorkspaceOfBytes(257))));

        Assert.Equal("token", error.ParamName);
        Assert.StartsWith("The workspace key is too long for a link.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Decode_NullOrEmpty_Null(string? text)
    {
        Assert.Null(Codec().Decode(text));
    }

    [Fact]
    public void Decode_SignedTokenExactlyAtTheLengthCap_Read()
    {
        // 489 bytes are 652 base64url characters: a 457-byte payload, i.e. a 419-byte workspace (longer than Encode makes).
        var workspace = WorkspaceOfBytes(419);
        var text = Signed(CurrentPayload(workspace));

        Assert.Equal(MaxTextLength, text.Length);
        Assert.Equal(workspace, Codec().Decode(text)?.Workspace);
    }

    [Fact]
    public void Decode_SignedTokenPastTheLengthCap_Null()
    {
        var text = Signed(CurrentPayload(WorkspaceOfBytes(420)));

        Assert.True(text.Length > MaxTextLength);
        Assert.Null(Codec().Decode(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Decode_SignedPayloadTooShortForItsLayout_NullWithoutThrowing(byte version)
    {
        // Every length from nothing to the header with an empty workspace (version 2: 38 bytes, version 1: 30).
        for (var length = 1; length <= 38; length++)
        {
            var payload = CurrentPayload(WorkspaceKey.ForSlack(null, "T02"))[..length];
            payload[0] = version;
            if (version == 2 && length >= 5)
                BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1, 4), LinkKeyRing.IdOf(Key));
            if (version == 1 && length >= 2)
                payload[1] = (byte)LinkKind.Grid;
            if (version == 1 && length >= 30)
                BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(22, 8), time.GetUtcNow().AddDays(1).ToUnixTimeSeconds());

            Assert.Null(Codec().Decode(Signed(payload)));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(15)]
    [InlineData(18)]
    [InlineData(255)]
    public void Decode_SignedWithAKindThatDoesNotExist_Null(byte kind)
    {
        var payload = CurrentPayload(WorkspaceKey.ForSlack(null, "T02"));
        payload[5] = kind;

        Assert.Null(Codec().Decode(Signed(payload)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public void Decode_SignedInAFormatVersionNobodyWrites_Null(byte version)
    {
        var payload = CurrentPayload(WorkspaceKey.ForSlack(null, "T02"));
        payload[0] = version;

        Assert.Null(Codec().Decode(Signed(payload)));
    }

    [Fact]
    public void Decode_SignedWithABlankWorkspace_NullWithoutThrowing()
    {
        var payload = CurrentPayload(WorkspaceKey.ForSlack(null, "T02"))[..38];

        Assert.Null(Codec().Decode(Signed([.. payload, .. "   "u8.ToArray()])));
    }

    [Fact]
    public void Decode_SignedWithAWorkspaceThatIsNotAKey_Null()
    {
        var payload = CurrentPayload(WorkspaceKey.ForSlack(null, "T02"));
        Encoding.UTF8.GetBytes("mail:").CopyTo(payload, 38);

        Assert.Null(Codec().Decode(Signed(payload)));
    }

    private LinkToken Token(WorkspaceKey workspace) =>
        new(workspace, Guid.NewGuid(), LinkKind.Grid, 3, 2, time.GetUtcNow().AddDays(1));

    /// <summary>A Slack workspace key whose UTF-8 form is exactly <paramref name="bytes"/> long.</summary>
    private static WorkspaceKey WorkspaceOfBytes(int bytes) => WorkspaceKey.ForSlack(null, "T" + new string('0', bytes - "slack:T".Length));

    /// <summary>The bytes <see cref="LinkTokenCodec.Encode"/> signs (format 2), built by hand so no length limit applies.</summary>
    private byte[] CurrentPayload(WorkspaceKey workspace)
    {
        var text = Encoding.UTF8.GetBytes(workspace.Value);
        var payload = new byte[38 + text.Length];
        payload[0] = 2;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1, 4), LinkKeyRing.IdOf(Key));
        payload[5] = (byte)LinkKind.Grid;
        Guid.NewGuid().TryWriteBytes(payload.AsSpan(6, 16));
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(22, 4), 3);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(26, 4), 2);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(30, 8), time.GetUtcNow().AddDays(1).ToUnixTimeSeconds());
        text.CopyTo(payload, 38);
        return payload;
    }

    private static string Signed(byte[] payload) => WebEncoders.Base64UrlEncode([.. payload, .. HMACSHA256.HashData(Key, payload)]);
}
