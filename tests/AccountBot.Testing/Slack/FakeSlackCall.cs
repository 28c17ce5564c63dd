using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountBot.Testing.Slack;

/// <summary>One request the fake Slack Web API received.</summary>
public sealed record FakeSlackCall(string Method, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body, DateTimeOffset At)
{
    public string? Authorization => Headers.GetValueOrDefault("Authorization");

    /// <summary>The body exactly as sent (a file upload's bytes, byte order mark included).</summary>
    public byte[] BodyBytes { get; init; } = [];

    /// <summary>The body as JSON (for JSON calls).</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The body's form fields (for form calls such as oauth.v2.access).</summary>
    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
}
