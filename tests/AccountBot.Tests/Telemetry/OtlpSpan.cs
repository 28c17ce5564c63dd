namespace AccountBot.Tests.Telemetry;

/// <summary>A span as exported: its name, kind (2 = server, 3 = client), attributes and trace id (hex).</summary>
internal sealed record OtlpSpan(string Name, int Kind, IReadOnlyDictionary<string, string> Attributes, string TraceId);
