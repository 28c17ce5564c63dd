using System.Globalization;
using System.Text;

namespace AccountBot.Testing.Resilience;

/// <summary>The figures of a <see cref="CrashLoop"/> run and every violation it found.</summary>
public sealed record CrashLoopReport
{
    public required int Seed { get; init; }

    public required int InFlight { get; init; }

    public required int Kills { get; init; }

    /// <summary>Kills after which the host started again, <c>/readyz</c> answered ready and the audit found nothing.</summary>
    public required int KillsSurvived { get; init; }

    /// <summary>Kills that hit a starting host rather than a loaded one.</summary>
    public required int StartupKills { get; init; }

    /// <summary>HTTP requests the clients had sent and not yet seen answered at each kill of a ready host.</summary>
    public required IReadOnlyList<int> InFlightAtKills { get; init; }

    /// <summary>Kills after which the store's <c>{database}.lock</c> file was left behind.</summary>
    public required int LockFilesLeft { get; init; }

    /// <summary>Kills whose process exit code said SIGKILL (137).</summary>
    public required int SigKillExits { get; init; }

    /// <summary>Starts that reached ready (the first one included).</summary>
    public required int ReadyStarts { get; init; }

    public required int ChangesSent { get; init; }

    public required int ChangesAcknowledged { get; init; }

    public required int AddsAcknowledged { get; init; }

    public required int EditsAcknowledged { get; init; }

    public required int SlackAcknowledged { get; init; }

    public required int TeamsAcknowledged { get; init; }

    /// <summary>Teams 200s with no reply yet when the host died (0 while replies are sent before the 200).</summary>
    public required int AcknowledgedBeforeReply { get; init; }

    public required int ChangesRejected { get; init; }

    /// <summary>Changes whose every attempt ended without an answer (may or may not be in the database).</summary>
    public required int ChangesUnknown { get; init; }

    /// <summary>Acknowledged changes the final audit verified.</summary>
    public required int ChangesChecked { get; init; }

    /// <summary>Acknowledged changes verified over all audits (one after every kill, one at the end).</summary>
    public required long ChecksOverAllAudits { get; init; }

    public required long ResendsOfUnknown { get; init; }

    public required long ResendsOfAcknowledged { get; init; }

    public required long DoubleSubmits { get; init; }

    /// <summary>Forms asked for but not served (an edit form for a person the bot did not find, a map it could not create).</summary>
    public required int FormsNotServed { get; init; }

    public required int Maps { get; init; }

    public required int Stakeholders { get; init; }

    public required int HistoryEntries { get; init; }

    public required TimeSpan Duration { get; init; }

    public required IReadOnlyList<string> Violations { get; init; }

    /// <summary>Distinct Error/Critical log lines of the host, with how often each came (side notes, not violations).</summary>
    public required IReadOnlyList<string> HostErrors { get; init; }

    public bool Passed => Violations.Count == 0 && KillsSurvived == Kills;

    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"crash-safety: seed {Seed}, {InFlight} clients in flight, {Duration.TotalSeconds:0} s");
        text.AppendLine(c, $"  kills survived      {KillsSurvived}/{Kills} (SIGKILL exit 137: {SigKillExits}; {StartupKills} during start-up; {ReadyStarts} starts reached /readyz ready)");
        if (InFlightAtKills.Count > 0)
            text.AppendLine(c, $"  in flight at kill   {InFlightAtKills.Min()}–{InFlightAtKills.Max()} requests, {InFlightAtKills.Average():0.0} on average ({InFlightAtKills.Count} kills of a ready host)");
        text.AppendLine(c, $"  lock file left      after {LockFilesLeft} of {Kills} kills (a held lock would stop the next start)");
        text.AppendLine(c, $"  changes sent        {ChangesSent} ({ResendsOfUnknown} resends after an unknown outcome, {ResendsOfAcknowledged} resends of acknowledged ones, {DoubleSubmits} double submits)");
        text.AppendLine(c, $"  acknowledged        {ChangesAcknowledged} ({AddsAcknowledged} adds, {EditsAcknowledged} edits; Slack {SlackAcknowledged}, Teams {TeamsAcknowledged}; Teams 200 before any reply: {AcknowledgedBeforeReply})");
        text.AppendLine(c, $"  refused / unknown   {ChangesRejected} / {ChangesUnknown} (forms not served: {FormsNotServed})");
        text.AppendLine(c, $"  checked             {ChangesChecked} in the final audit, {ChecksOverAllAudits} over all audits");
        text.AppendLine(c, $"  database            {Maps} maps, {Stakeholders} stakeholders, {HistoryEntries} history entries");
        text.AppendLine(c, $"  host errors logged  {HostErrors.Count} distinct");
        foreach (var error in HostErrors.Take(10))
            text.Append("    - ").AppendLine(error);
        text.Append(c, $"  violations          {Violations.Count}");
        foreach (var violation in Violations.Take(50))
            text.AppendLine().Append("    - ").Append(violation);
        if (Violations.Count > 50)
            text.AppendLine().Append(c, $"    … and {Violations.Count - 50} more");
        return text.ToString();
    }
}
