using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Core.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountBot.Pictures;

/// <summary>
/// Signs and checks link tokens: base64url of a small binary payload followed by its HMAC-SHA256.
/// The payload names the key that signed it (<see cref="LinkKeyRing"/>), so the key can be rotated;
/// a token naming a key that is not configured is refused without trying the others. Nothing in a
/// token is guessable without the key; a token that is malformed, altered in any byte, signed by an
/// unknown key or expired reads as null (the endpoints answer 404 and say no more).
/// </summary>
public sealed class LinkTokenCodec(Func<LinkKeyRing> keys, TimeProvider time)
{
    private const byte FormatVersion = 2;
    private const byte LegacyFormatVersion = 1;
    private const int MacLength = 32;
    private const int MaxWorkspaceBytes = 256;

    // Where each field starts: version 2 adds the key id (bytes 1–4) and the map's link epoch.
    private static readonly Layout Current = new(Kind: 5, MapId: 6, Version: 22, Epoch: 26, Expires: 30, Workspace: 38);
    private static readonly Layout Legacy = new(Kind: 1, MapId: 2, Version: 18, Epoch: null, Expires: 22, Workspace: 30);

    public string Encode(LinkToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var workspace = Encoding.UTF8.GetBytes(token.Workspace.Value);
        if (workspace.Length > MaxWorkspaceBytes)
        {
            throw new ArgumentException("The workspace key is too long for a link.", nameof(token));
        }

        var ring = keys();
        var payload = new byte[Current.Workspace + workspace.Length];
        payload[0] = FormatVersion;
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(1, 4), ring.CurrentId);
        payload[Current.Kind] = (byte)token.Kind;
        token.MapId.TryWriteBytes(payload.AsSpan(Current.MapId, 16));
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(Current.Version, 4), token.Version);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(Current.Epoch!.Value, 4), token.Epoch);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(Current.Expires, 8), token.Expires.ToUnixTimeSeconds());
        workspace.CopyTo(payload, Current.Workspace);
        return WebEncoders.Base64UrlEncode([.. payload, .. HMACSHA256.HashData(ring.Current, payload)]);
    }

    public LinkToken? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2 * (Current.Workspace + MaxWorkspaceBytes + MacLength))
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
        if (bytes.Length < Legacy.Workspace + MacLength + 1 || !string.Equals(WebEncoders.Base64UrlEncode(bytes), text, StringComparison.Ordinal))
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var mac = bytes.AsSpan(bytes.Length - MacLength);
        var ring = keys();
        (Layout Layout, byte[]? Key) format = payload[0] switch
        {
            FormatVersion when payload.Length > Current.Workspace => (Current, ring.Find(BinaryPrimitives.ReadUInt32BigEndian(payload.Slice(1, 4)))),

            // Links made before key ids were signed by the only key there was, and read as of epoch 0 (so
            // `links reset` revokes them too). Exports among them are refused: they were made to last 7
            // days, and an export link now lasts minutes. Remove this once no such link can be alive
            // (Pictures:LinkLifetime after upgrading).
            LegacyFormatVersion when (LinkKind)payload[Legacy.Kind] != LinkKind.Export => (Legacy, ring.Current),
            _ => (Current, null),
        };
        if (format.Key is null || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(format.Key, payload)))
        {
            return null;
        }

        var layout = format.Layout;
        var kind = (LinkKind)payload[layout.Kind];
        if (!Enum.IsDefined(kind))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.Slice(layout.Expires, 8)));
        if (expires <= time.GetUtcNow())
        {
            return null;
        }

        WorkspaceKey workspace;
        try
        {
            workspace = WorkspaceKey.Parse(Encoding.UTF8.GetString(payload[layout.Workspace..]));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }

        return new LinkToken(
            workspace,
            new Guid(payload.Slice(layout.MapId, 16)),
            kind,
            BinaryPrimitives.ReadInt32BigEndian(payload.Slice(layout.Version, 4)),
            layout.Epoch is { } epoch ? BinaryPrimitives.ReadInt32BigEndian(payload.Slice(epoch, 4)) : 0,
            expires);
    }

    private readonly record struct Layout(int Kind, int MapId, int Version, int? Epoch, int Expires, int Workspace);
}
