namespace AccountBot.Testing.Resilience;

/// <summary>One life of the host as the clients see it: where it listens, and a token cancelled once it has been killed.</summary>
public sealed record CrashEpoch(int Number, Uri BaseAddress, CancellationToken Token);
