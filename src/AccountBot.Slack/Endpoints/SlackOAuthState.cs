using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Slack.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Endpoints;

/// <summary>
/// The OAuth <c>state</c>: <c>{expires}.{nonce}.{mac}</c>, HMAC-SHA256-signed with a key derived from the client
/// secret, so it needs no server storage yet cannot be forged or used after it expires. The install endpoint also
/// puts it in a cookie and the callback requires both to match, so a link started in one browser cannot be
/// finished in another (login CSRF).
/// </summary>
public sealed class SlackOAuthState(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    public const string CookieName = "slack-oauth-state";

    public string Create()
    {
        var expires = (timeProvider.GetUtcNow() + options.Value.InstallStateLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var payload = expires + "." + nonce;
        return payload + "." + Mac(payload);
    }

    /// <summary>True when <paramref name="state"/> is ours, unexpired, and equals the browser's cookie.</summary>
    public bool IsValid(string? state, string? cookie)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookie))
            return false;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(cookie)))
            return false;
        var parts = state.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return false;
        var expected = Mac(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
            return false;
        return timeProvider.GetUtcNow().ToUnixTimeSeconds() <= expires;
    }

    private string Mac(string payload)
    {
        var secret = options.Value.ClientSecret ?? throw new InvalidOperationException("Slack:ClientSecret is not set.");
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("accountbot-slack-oauth-state:" + secret));
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
    }
}
