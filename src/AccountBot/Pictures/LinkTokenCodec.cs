using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Core.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountBot.Pictures;

/// <summary>
/// Signs and checks link tokens: base64url of a small binary payload followed by its HMAC-SHA256.
/// Nothing in a token is guessable without the key; a token that is malformed, altered in any byte,
/// or expired reads as null (the endpoints answer 404 and say no more).
/// </summary>
public sealed class LinkTokenCodec(Func<byte[]> key, TimeProvider time)
{
    private const byte FormatVersion = 1;
    private const int MacLength = 32;
    private const int FixedLength = 1 + 1 + 16 + 4 + 8;
    private const int MaxWorkspaceBytes = 256;

    public string Encode(LinkToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var workspace = Encoding.UTF8.GetBytes(token.Workspace.Value);
        if (workspace.Length > MaxWorkspaceBytes)
        {
            throw new ArgumentException("The workspace key is too long for a link.", nameof(token));
        }

        var payload = new byte[FixedLength + workspace.Length];
        payload[0] = FormatVersion;
        payload[1] = (byte)token.Kind;
        token.MapId.TryWriteBytes(payload.AsSpan(2, 16));
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(18, 4), token.Version);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(22, 8), token.Expires.ToUnixTimeSeconds());
        workspace.CopyTo(payload, FixedLength);
        return WebEncoders.Base64UrlEncode([.. payload, .. HMACSHA256.HashData(key(), payload)]);
    }

    public LinkToken? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2 * (FixedLength + MaxWorkspaceBytes + MacLength))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return null;
        }

        // Base64url has several spellings of the same bytes (unused trailing bits): only the canonical one is accepted.
        if (bytes.Length < FixedLength + MacLength + 1 || !string.Equals(WebEncoders.Base64UrlEncode(bytes), text, StringComparison.Ordinal))
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var mac = bytes.AsSpan(bytes.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key(), payload)) || payload[0] != FormatVersion)
        {
            return null;
        }

        var kind = (LinkKind)payload[1];
        if (!Enum.IsDefined(kind))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.Slice(22, 8)));
        if (expires <= time.GetUtcNow())
        {
            return null;
        }

        WorkspaceKey workspace;
        try
        {
            workspace = WorkspaceKey.Parse(Encoding.UTF8.GetString(payload[FixedLength..]));
        }
        catch (FormatException)
        {
            return null;
        }

        return new LinkToken(workspace, new Guid(payload.Slice(2, 16)), kind, BinaryPrimitives.ReadInt32BigEndian(payload.Slice(18, 4)), expires);
    }
}
