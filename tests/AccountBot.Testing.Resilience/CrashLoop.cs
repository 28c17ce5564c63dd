using System.Diagnostics;
using System.Globalization;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Processes;
using AccountBot.Testing.Slack;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Testing.Resilience;

/// <summary>
/// Crash safety, as an experiment: start the real host as a process on a temp database, let
/// <see cref="CrashLoopOptions.InFlight"/> clients (half Slack, half Teams) submit stakeholder forms through it,
/// kill it with SIGKILL at a random moment (sometimes while it is still starting), audit a copy of the file it left
/// (<see cref="CrashAudit"/>), start it again on the same file, and repeat. After the last kill it starts once more
/// (so every kill is followed by a start that reached <c>/readyz</c> ready), is killed idle, and the file itself is
/// audited. Random kill moments and client choices come from <see cref="CrashLoopOptions.Seed"/>, printed first,
/// so a run can be replayed. Linux/macOS only (SIGKILL semantics).
/// </summary>
public static class CrashLoop
{
    public const string SlackSigningSecret = "crash-loop-signing-secret";

    public static async Task<CrashLoopReport> RunAsync(CrashLoopOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.HostDll))
            throw new FileNotFoundException("Build the host first.", options.HostDll);
        var log = options.Log ?? (_ => { });
        var started = Stopwatch.GetTimestamp();
        var random = new Random(options.Seed);
        var folder = Directory.CreateTempSubdirectory("accountbot-crash-").FullName;
        var database = Path.Combine(folder, "data", "accountbot.db");
        log(Invariant($"crash-safety: seed {options.Seed}, {options.Kills} kills, {options.InFlight} clients in flight, LiteDB checkpoint every {options.CheckpointPages?.ToString(CultureInfo.InvariantCulture) ?? "1000 (default)"} pages, database {database}"));

        if (options.CheckpointPages is { } pages)
            SetCheckpoint(database, pages);

        var run = new Run(options, log);
        await using var platforms = await FakeChatPlatforms.StartAsync(cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
        {
            // Every request ends with its host: the kill cancels what is still waiting.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var ledger = new ChangeLedger();
        var clients = CreateClients(options, ledger, http, platforms);
        var auditedOk = new List<bool>();
        CrashHostProcess? host = null;
        try
        {
            for (var kill = 1; kill <= options.Kills; kill++)
            {
                host = CrashHostProcess.Start(options.HostDll, database, platforms, SlackSigningSecret);
                using var killing = new CancellationTokenSource();
                using var end = new CancellationTokenSource();
                var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                var life = run.LiveAsync(host, http, clients, kill, ready, killing.Token, end.Token, cancellationToken);
                string moment;
                if (random.NextDouble() < options.StartupKillShare)
                {
                    // The experiment: a kill while the host opens (and recovers) the file, or answers its first requests.
                    var delay = random.Next((int)options.StartupKillWindow.TotalMilliseconds);
                    await Task.Delay(delay, cancellationToken);
                    moment = Invariant($"{delay} ms after start{(ready.Task is { IsCompletedSuccessfully: true, Result: true } ? ", ready" : string.Empty)}");
                    run.StartupKills++;
                }
                else
                {
                    // The load counts from the epoch's first acknowledgement: a fresh process first spends a second or
                    // two compiling (start-up kills cover that), and every loaded kill should find saves going on.
                    var delay = random.Next((int)options.MinLoad.TotalMilliseconds, (int)options.MaxLoad.TotalMilliseconds + 1);
                    if (!await ready.Task || !await run.WaitForLoadAsync(ledger, kill, cancellationToken))
                    {
                        await killing.CancelAsync();
                        await run.KillAsync(host, kill);
                        await end.CancelAsync();
                        await life;
                        break;
                    }

                    await Task.Delay(delay, cancellationToken);
                    moment = Invariant($"{delay} ms into the load (first acknowledgement {run.LastWarmUp.TotalMilliseconds:0} ms after ready)");
                }

                await killing.CancelAsync();
                var inFlight = ledger.RequestsInFlight;
                var wasReady = ready.Task is { IsCompletedSuccessfully: true, Result: true };
                var exit = await run.KillAsync(host, kill);
                await end.CancelAsync();
                await life;
                if (wasReady)
                {
                    run.InFlightAtKills.Add(inFlight);
                    run.Survive(auditedOk);
                }
                run.Collect(host);
                await host.DisposeAsync();
                host = null;
                if (File.Exists(database + ".lock"))
                    run.LockFilesLeft++;

                var snapshot = CrashAudit.Snapshot(database, Path.Combine(folder, "audit"));
                var audit = await CrashAudit.RunAsync(snapshot, ledger, cancellationToken);
                Directory.Delete(Path.Combine(folder, "audit"), recursive: true);
                var found = run.Record(audit, ledger, Invariant($"after kill {kill}"));
                auditedOk.Add(found == 0);
                log(Invariant($"kill {kill}/{options.Kills}: {moment}, {inFlight} requests in flight, exit {exit}; {Acknowledged(ledger)} acknowledged so far, {audit.AcknowledgedChecked} checked, {audit.Stakeholders} people on {audit.Maps} maps, {found} new violations"));
            }

            CrashAuditResult? final = null;
            if (auditedOk.Count == options.Kills)
            {
                // The last kill is survived once a start after it is ready; then the file itself (not a copy) is audited.
                host = CrashHostProcess.Start(options.HostDll, database, platforms, SlackSigningSecret);
                if (await run.WaitReadyAsync(host, http, options.Kills, cancellationToken))
                {
                    run.Survive(auditedOk);
                    await run.KillAsync(host, options.Kills + 1);
                    run.Collect(host);
                    await host.DisposeAsync();
                    host = null;
                    final = await CrashAudit.RunAsync(database, ledger, cancellationToken);
                    run.Record(final, ledger, "final audit");
                    log(Invariant($"final: {final.AcknowledgedChecked} acknowledged changes checked in the database file itself"));
                }
            }

            var report = run.Report(ledger, clients, final, Stopwatch.GetElapsedTime(started));
            if (report.Passed)
                Directory.Delete(folder, recursive: true);
            else
                log("kept for inspection: " + folder);
            return report;
        }
        finally
        {
            if (host is not null)
                await host.DisposeAsync();
        }
    }

    private static List<CrashClient> CreateClients(CrashLoopOptions options, ChangeLedger ledger, HttpClient http, FakeChatPlatforms platforms)
    {
        var signer = new SlackRequestSigner(SlackSigningSecret, TimeProvider.System);
        var clients = new List<CrashClient>(options.InFlight);
        for (var i = 0; i < options.InFlight; i++)
        {
            // Even clients use Slack, odd ones Teams; neighbours on one platform share a map.
            var slot = i / 2 / Math.Max(1, options.ClientsPerMap);
            var seed = unchecked((options.Seed * 31) + i);
            clients.Add(i % 2 == 0
                ? new SlackCrashClient(i, slot, ledger, options, seed, http, platforms, signer)
                : new TeamsCrashClient(i, slot, ledger, options, seed, http, platforms));
        }

        return clients;
    }

    /// <summary>Creates the database as the host would, then sets LiteDB's checkpoint pragma (kept in the file header).</summary>
    private static void SetCheckpoint(string database, int pages)
    {
        using (new LiteDbContext(database, NullLogger<LiteDbContext>.Instance))
        {
            // Creates the file with AccountBot's collation and indexes.
        }

        using var raw = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct, Collation = Collation.Binary });
        raw.Pragma("CHECKPOINT", pages);
    }

    private static int Acknowledged(ChangeLedger ledger) => ledger.Changes.Count(c => c.IsAcknowledged);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The counters and violations of one run.</summary>
    private sealed class Run(CrashLoopOptions options, Action<string> log)
    {
        private readonly List<string> _violations = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _hostErrors = new(StringComparer.Ordinal);
        private int _clientViolationsSeen;
        private int _survivedUpTo;
        private long _readyAt;

        /// <summary>From ready to the first acknowledgement, in the last loaded epoch.</summary>
        public TimeSpan LastWarmUp { get; private set; }

        public int StartupKills { get; set; }

        /// <summary>HTTP requests in flight at each kill of a ready host.</summary>
        public List<int> InFlightAtKills { get; } = [];

        /// <summary>Kills after which the store's <c>.lock</c> file was still there (the next start must open anyway).</summary>
        public int LockFilesLeft { get; set; }

        public int SigKillExits { get; private set; }

        public int ReadyStarts { get; private set; }

        public int KillsSurvived { get; private set; }

        public long Checks { get; private set; }

        public async Task<bool> WaitReadyAsync(CrashHostProcess host, HttpClient http, int afterKill, CancellationToken cancellationToken)
        {
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(options.StartGuard);
            try
            {
                await host.WaitUntilReadyAsync(http, guard.Token);
                ReadyStarts++;
                return true;
            }
            catch (Exception e) when (e is CrashHostStartException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Violation(Invariant($"after kill {afterKill}: the host did not become ready: {e.Message}"));
                return false;
            }
        }

        /// <summary>
        /// One life of the host: once it is ready (<paramref name="ready"/> says whether it got there), the clients run
        /// until <paramref name="killed"/> (cancelled once the process is gone). A start that fails by itself is a
        /// violation; one cut short by the kill (<paramref name="killing"/>, cancelled just before it) is not.
        /// </summary>
        public async Task LiveAsync(
            CrashHostProcess host, HttpClient http, IReadOnlyList<CrashClient> clients, int kill,
            TaskCompletionSource<bool> ready, CancellationToken killing, CancellationToken killed, CancellationToken cancellationToken)
        {
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(killed, cancellationToken);
            guard.CancelAfter(options.StartGuard);
            try
            {
                await host.WaitUntilReadyAsync(http, guard.Token);
            }
            catch (Exception e) when (e is CrashHostStartException or HttpRequestException or OperationCanceledException)
            {
                if (!killing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    Violation(Invariant($"after kill {kill - 1}: the host did not become ready: {e.Message}"));
                }

                ready.TrySetResult(false);
                return;
            }

            ReadyStarts++;
            _readyAt = Stopwatch.GetTimestamp();
            ready.TrySetResult(true);
            var epoch = new CrashEpoch(kill, host.BaseAddress!, killed);
            await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunEpochAsync(epoch), CancellationToken.None)));
        }

        /// <summary>Waits for the epoch's first acknowledged change (a hang guard, not a bound: past it the run fails).</summary>
        public async Task<bool> WaitForLoadAsync(ChangeLedger ledger, int kill, CancellationToken cancellationToken)
        {
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(options.StartGuard);
            try
            {
                await ledger.WaitForAcknowledgedAsync(ledger.AcknowledgedCount + 1, guard.Token);
                LastWarmUp = Stopwatch.GetElapsedTime(_readyAt);
                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Violation(Invariant($"before kill {kill}: no change was acknowledged within {options.StartGuard.TotalSeconds:0} s of the host being ready"));
                return false;
            }
        }

        /// <summary>Keeps what the host logged as errors (not violations by themselves: the experiment's side notes).</summary>
        public void Collect(CrashHostProcess host)
        {
            foreach (var error in host.LoggedErrors)
            {
                if (_hostErrors.TryAdd(error, 1))
                    log("host logged: " + error);
                else
                    _hostErrors[error]++;
            }
        }

        /// <summary>Every kill audited so far is survived: a start after it reached ready.</summary>
        public void Survive(List<bool> auditedOk)
        {
            for (; _survivedUpTo < auditedOk.Count; _survivedUpTo++)
            {
                if (auditedOk[_survivedUpTo])
                    KillsSurvived++;
            }
        }

        public async Task<int> KillAsync(CrashHostProcess host, int kill)
        {
            // A host that is gone before the kill stopped by itself (a failed start, a crash): that is a finding too.
            var exit = await host.KillAsync();
            if (exit == CrashHostProcess.SigKillExitCode)
                SigKillExits++;
            else
                Violation(Invariant($"kill {kill}: the host exited with {exit}, not by SIGKILL:{Environment.NewLine}{host.OutputTail}"));
            return exit;
        }

        /// <summary>A violation seen by the loop itself (a start that failed, an exit that was not the kill), logged at once.</summary>
        private void Violation(string message)
        {
            // The host's life runs beside the kill: both may find something at the same moment.
            lock (_violations)
                _violations.Add(message);
            log(message);
        }

        /// <summary>Adds the audit's and the clients' new violations (each once per run); returns how many were new.</summary>
        public int Record(CrashAuditResult audit, ChangeLedger ledger, string when)
        {
            Checks += audit.AcknowledgedChecked;
            var added = 0;
            var fromClients = ledger.ClientViolations.Skip(_clientViolationsSeen).ToList();
            _clientViolationsSeen += fromClients.Count;
            foreach (var violation in audit.Violations.Concat(fromClients))
            {
                if (_seen.Add(violation))
                {
                    lock (_violations)
                        _violations.Add($"{when}: {violation}");
                    added++;
                }
            }

            return added;
        }

        public CrashLoopReport Report(ChangeLedger ledger, IReadOnlyList<CrashClient> clients, CrashAuditResult? final, TimeSpan duration)
        {
            var changes = ledger.Changes.ToList();
            var acknowledged = changes.Where(c => c.IsAcknowledged).ToList();
            return new CrashLoopReport
            {
                Seed = options.Seed,
                InFlight = options.InFlight,
                Kills = options.Kills,
                KillsSurvived = KillsSurvived,
                StartupKills = StartupKills,
                LockFilesLeft = LockFilesLeft,
                InFlightAtKills = [.. InFlightAtKills],
                SigKillExits = SigKillExits,
                ReadyStarts = ReadyStarts,
                ChangesSent = changes.Count,
                ChangesAcknowledged = acknowledged.Count,
                AddsAcknowledged = acknowledged.Count(c => c.Kind == ChangeKind.Add),
                EditsAcknowledged = acknowledged.Count(c => c.Kind == ChangeKind.Edit),
                SlackAcknowledged = acknowledged.Count(c => c.Person.Platform == "slack"),
                TeamsAcknowledged = acknowledged.Count(c => c.Person.Platform == "teams"),
                AcknowledgedBeforeReply = acknowledged.Count(c => c.Acknowledged == 0),
                ChangesRejected = changes.Count(c => !c.IsAcknowledged && c.Rejected > 0),
                ChangesUnknown = changes.Count(c => !c.IsAcknowledged && c.Rejected == 0),
                ChangesChecked = final?.AcknowledgedChecked ?? 0,
                ChecksOverAllAudits = Checks,
                ResendsOfUnknown = ledger.ResendsOfUnknown,
                ResendsOfAcknowledged = ledger.ResendsOfAcknowledged,
                DoubleSubmits = ledger.DoubleSubmits,
                FormsNotServed = clients.Sum(c => c.FormsNotServed),
                Maps = final?.Maps ?? 0,
                Stakeholders = final?.Stakeholders ?? 0,
                HistoryEntries = final?.HistoryEntries ?? 0,
                Duration = duration,
                Violations = [.. _violations],
                HostErrors = [.. _hostErrors.Select(e => Invariant($"{e.Value}x {e.Key}"))],
            };
        }
    }
}
