namespace AccountBot.Tests.Telemetry;

/// <summary>One data point of an exported metric, with the metric's name and unit.</summary>
internal sealed record OtlpPoint(string Metric, string Unit, IReadOnlyDictionary<string, string> Attributes);
