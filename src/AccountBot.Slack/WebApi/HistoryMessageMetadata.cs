using System.Text.Json;

namespace AccountBot.Slack.WebApi;

/// <summary>A message's metadata as conversations.history returns it; the payload is any JSON object, read as such.</summary>
public sealed record HistoryMessageMetadata
{
    public string? EventType { get; init; }

    public JsonElement? EventPayload { get; init; }
}
