using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>A frame of <c>/_ws/log/stream</c>: <c>logAction</c> <c>appendLog</c> with one <see cref="LogEntry"/>.</summary>
public sealed record LogFrame(string LogAction, LogEntry? Log)
{
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static LogFrame Parse(JsonElement raw) => PlaygroundJson.Parse<LogFrame>(raw) with { Raw = raw };

    public override string ToString() => PlaygroundJson.Short(Raw);
}
