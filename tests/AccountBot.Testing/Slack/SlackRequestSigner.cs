using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace AccountBot.Testing.Slack;

/// <summary>
/// Signs requests exactly as Slack does, so tests can post them over real HTTP.
/// Deliberately independent of the production verifier: a bug in one must not be mirrored in the other
/// (the <c>check slack-signature</c> tool ties both to bolt's verifier).
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider timeProvider)
{
    public const string FormContentType = "application/x-www-form-urlencoded";
    public const string JsonContentType = "application/json";

    public string SigningSecret { get; } = signingSecret;

    public long NowSeconds => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    /// <summary><c>v0=</c> + lowercase hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.</summary>
    public string Sign(string timestamp, string body) => Sign(timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>The same over raw bytes, for bodies that are not valid UTF-8 (Slack signs bytes, not text).</summary>
    public string Sign(string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), signed);
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>URL-encodes fields the way Slack does (<c>application/x-www-form-urlencoded</c>, spaces as '+').</summary>
    public static string EncodeForm(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value).Replace("%20", "+", StringComparison.Ordinal)}"));

    /// <summary>An interaction body: <c>payload=&lt;url-encoded JSON&gt;</c>.</summary>
    public static string EncodeInteraction(string payloadJson) =>
        EncodeForm([new("payload", payloadJson)]);

    public HttpRequestMessage CreateFormRequest(string path, IEnumerable<KeyValuePair<string, string>> fields, long? timestamp = null) =>
        CreateRequest(path, EncodeForm(fields), FormContentType, timestamp);

    public HttpRequestMessage CreateInteractionRequest(string path, string payloadJson, long? timestamp = null) =>
        CreateRequest(path, EncodeInteraction(payloadJson), FormContentType, timestamp);

    public HttpRequestMessage CreateJsonRequest(string path, string json, long? timestamp = null) =>
        CreateRequest(path, json, JsonContentType, timestamp);

    /// <summary>A POST with the body's exact bytes, <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature</c>.</summary>
    public HttpRequestMessage CreateRequest(string path, string body, string contentType, long? timestamp = null) =>
        CreateRequest(path, Encoding.UTF8.GetBytes(body), contentType, timestamp);

    /// <summary>The same with a body of raw bytes (signed as sent).</summary>
    public HttpRequestMessage CreateRequest(string path, byte[] body, string contentType, long? timestamp = null)
    {
        var ts = (timestamp ?? NowSeconds).ToString(CultureInfo.InvariantCulture);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", Sign(ts, body));
        return request;
    }
}
