namespace AccountBot.Benchmarks.Teams;

/// <summary>
/// One load run: successful requests in the measured window, errors, throughput and latency in ms, and the CPU the
/// process under test used per measured request (NaN when it was not read).
/// </summary>
public sealed record LoadResult(int Count, int Errors, double RequestsPerSecond, double P50, double P99, double Max, double CpuMicrosecondsPerRequest = double.NaN);
