using System.Text.Json;

namespace AccountBot.Testing.Slack;

/// <summary>A message that landed in a channel of the fake Slack (a chat.postMessage Slack accepted).</summary>
/// <param name="At">When it landed, on the fake's clock.</param>
public sealed record FakeSlackPost(string Channel, string Ts, DateTimeOffset At, FakeSlackCall Call)
{
    /// <summary>The message's metadata as posted, if any.</summary>
    public JsonElement? Metadata => Call.Json.TryGetProperty("metadata", out var metadata) ? metadata : null;
}
