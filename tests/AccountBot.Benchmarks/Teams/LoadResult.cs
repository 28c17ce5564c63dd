namespace AccountBot.Benchmarks.Teams;

/// <summary>One load run: successful requests in the measured window, errors, throughput and latency in ms.</summary>
public sealed record LoadResult(int Count, int Errors, double RequestsPerSecond, double P50, double P99, double Max);
