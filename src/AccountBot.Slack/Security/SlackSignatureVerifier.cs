using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccountBot.Slack.Security;

/// <summary>
/// Checks Slack's request signature: <c>v0=</c> + hex(HMAC-SHA256(secret, <c>v0:{timestamp}:{raw body}</c>)),
/// over the raw bytes, in constant time, with the timestamp within ±5 minutes of now.
/// </summary>
/// <remarks>
/// Stricter than bolt in one respect: bolt only rejects timestamps that are too old; we also reject
/// ones too far in the future, so a captured request signed with a skewed clock cannot be replayed later.
/// </remarks>
public sealed class SlackSignatureVerifier(TimeProvider timeProvider)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string VersionPrefix = "v0=";

    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public SlackSignatureResult Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return new(SlackSignatureStatus.MissingHeaders);

        // NumberStyles.None: digits only — no sign, spaces or exponent, so the signed string is the parsed one.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return new(SlackSignatureStatus.InvalidTimestamp);

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var skew = (long)MaxClockSkew.TotalSeconds;
        if (seconds < now - skew)
            return new(SlackSignatureStatus.StaleTimestamp);
        if (seconds > now + skew)
            return new(SlackSignatureStatus.FutureTimestamp);

        if (!signature.StartsWith(VersionPrefix, StringComparison.Ordinal))
            return new(SlackSignatureStatus.UnsupportedVersion);

        var expected = ComputeSignature(signingSecret, timestamp, body);
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? new(SlackSignatureStatus.Valid)
            : new(SlackSignatureStatus.Mismatch);
    }

    /// <summary>The ASCII bytes of <c>v0=&lt;lowercase hex&gt;</c>, exactly as Slack writes the header.</summary>
    private static byte[] ComputeSignature(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.ASCII.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        var hex = Convert.ToHexStringLower(hmac.GetHashAndReset());
        return Encoding.ASCII.GetBytes(VersionPrefix + hex);
    }
}
