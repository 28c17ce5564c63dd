using System.Security.Cryptography;
using AccountBot.Storage.LiteDb;

namespace AccountBot.Operations;

/// <summary>
/// <c>{database}.admin</c>: where the running bot's admin endpoint listens (line 1) and its token (line 2). Written
/// 0600 at start-up with a fresh random token, deleted on a clean stop; whoever may read it is the bot's own user.
/// </summary>
internal sealed record AdminEndpointFile(Uri Address, string Token)
{
    public static string PathFor(string databasePath) => databasePath + ".admin";

    /// <summary>256 random bits, base64url: a new one every start.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static AdminEndpointFile? Read(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        return lines is [var address, var token, ..] && Uri.TryCreate(address, UriKind.Absolute, out var uri) && token.Length > 0
            ? new AdminEndpointFile(uri, token)
            : null;
    }

    public void Write(string databasePath)
    {
        var path = PathFor(databasePath);

        // A new file each start, created owner-only before the token is in it; a stale one from a crash is replaced.
        File.Delete(path);
        OwnerOnly.CreateFile(path);
        File.WriteAllLines(path, [Address.AbsoluteUri, Token]);
    }

    /// <summary>Constant-time comparison of a presented token with the expected one (hashed first, so lengths never leak).</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(expected)));
}
