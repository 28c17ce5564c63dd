using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>The request or response half of a <see cref="LogEntry"/>; requests have no status code.</summary>
public sealed record LogExchange(int? StatusCode, JsonElement Body);
