namespace AccountBot.Testing.Resilience;

/// <summary>How a <see cref="CrashLoop"/> run goes. Everything random is drawn from <see cref="Seed"/>.</summary>
public sealed record CrashLoopOptions
{
    /// <summary>The built host, <c>src/AccountBot/bin/{configuration}/net10.0/AccountBot.dll</c>.</summary>
    public required string HostDll { get; init; }

    /// <summary>How many times the host is killed with SIGKILL.</summary>
    public int Kills { get; init; } = 50;

    /// <summary>Concurrent clients (half Slack, half Teams), so at least this many requests are in flight at a kill.</summary>
    public int InFlight { get; init; } = 24;

    /// <summary>Replays a run's kill moments and every client's choices (not the thread timing).</summary>
    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>
    /// The load runs for a random time between these, counted from the first change the restarted host acknowledges,
    /// before the kill. (A fresh process spends a second or two compiling before its first answers on two cores; kills
    /// in that window are the start-up kills.)
    /// </summary>
    public TimeSpan MinLoad { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan MaxLoad { get; init; } = TimeSpan.FromMilliseconds(3000);

    /// <summary>
    /// The share of kills that hit a starting host (opening and recovering the file, or warming up with the clients'
    /// first requests in flight) instead of a loaded one.
    /// </summary>
    public double StartupKillShare { get; init; } = 0.1;

    /// <summary>A start-up kill comes at a random time up to this long after the process started.</summary>
    public TimeSpan StartupKillWindow { get; init; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>A client adds this many people to a map, then moves on to a fresh map (maps stay a realistic size).</summary>
    public int PeoplePerMapPerClient { get; init; } = 25;

    /// <summary>Clients of one platform share this many maps at a time (so saves race on the same map).</summary>
    public int ClientsPerMap { get; init; } = 3;

    public double EditShare { get; init; } = 0.25;

    public double ResendShare { get; init; } = 0.08;

    public double DoubleSubmitShare { get; init; } = 0.1;

    /// <summary>
    /// LiteDB's checkpoint threshold (pages in its log before they are copied into the data file; LiteDB's default is
    /// 1000), written into the new file before the first start. 1 copies after every commit, so kills often land in a
    /// checkpoint or in the recovery of one. Null leaves LiteDB's default, as the product runs.
    /// </summary>
    public int? CheckpointPages { get; init; }

    /// <summary>A guard against a hung start, not a performance bound: past it, the start counts as failed.</summary>
    public TimeSpan StartGuard { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Progress lines (one per kill); null for silence.</summary>
    public Action<string>? Log { get; init; }
}
