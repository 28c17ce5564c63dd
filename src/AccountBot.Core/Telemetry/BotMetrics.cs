using System.Diagnostics;
using System.Diagnostics.Metrics;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Telemetry;

/// <summary>
/// The bot's own instruments on meter <see cref="BotTelemetry.MeterName"/>: commands, digests, platform API calls and
/// store latency (the README's Telemetry table lists each with its unit and attributes). Recording costs next to
/// nothing while nobody listens, so the instruments are always there; the host decides whether to export them.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    private readonly Meter? _ownMeter;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _digestsPlanned;
    private readonly Counter<long> _digestsSent;
    private readonly Counter<long> _digestsFailed;
    private readonly Counter<long> _apiCalls;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _apiThrottles;
    private readonly Counter<long> _apiRetries;
    private readonly Histogram<double> _storeDuration;

    /// <param name="meters">The host's meter factory; without one (a test composing a few services) the meter is this object's own.</param>
    public BotMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(BotTelemetry.MeterName) ?? (_ownMeter = new Meter(BotTelemetry.MeterName));
        _commands = meter.CreateCounter<long>("accountbot.commands", "{command}", "Commands run, by verb and platform.");
        _commandDuration = meter.CreateHistogram<double>("accountbot.command.duration", "s", "Time to answer a command, by verb and platform.");
        _digestsPlanned = meter.CreateCounter<long>("accountbot.digests.planned", "{digest}", "Weekly digests added to the outbox.");
        _digestsSent = meter.CreateCounter<long>("accountbot.digests.sent", "{digest}", "Weekly digests the platform accepted.");
        _digestsFailed = meter.CreateCounter<long>("accountbot.digests.failed", "{digest}", "Weekly digests given up on (shown in map settings).");
        _apiCalls = meter.CreateCounter<long>("accountbot.api.calls", "{call}", "HTTP requests to the Slack Web API and the Bot Connector, each attempt counted.");
        _apiDuration = meter.CreateHistogram<double>("accountbot.api.duration", "s", "Time of one HTTP request to a platform API.");
        _apiThrottles = meter.CreateCounter<long>("accountbot.api.throttles", "{call}", "Platform API requests answered 429 Too Many Requests.");
        _apiRetries = meter.CreateCounter<long>("accountbot.api.retries", "{call}", "Platform API requests sent again after an earlier attempt failed or was throttled.");
        _storeDuration = meter.CreateHistogram<double>("accountbot.store.duration", "s", "Time of one call to the database through a storage port.");
    }

    public static string PlatformName(Platform platform) => platform == Platform.Slack ? "slack" : "teams";

    public void CommandRun(string verb, Platform platform, TimeSpan elapsed)
    {
        var tags = new TagList { { BotTelemetry.VerbAttribute, verb }, { BotTelemetry.PlatformAttribute, PlatformName(platform) } };
        _commands.Add(1, tags);
        _commandDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts what one reminder run planned, and the digests it (or a recovery) settled as sent or failed.</summary>
    public void DigestRun(ReminderRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var digest in report.Planned)
            _digestsPlanned.Add(1, new KeyValuePair<string, object?>(BotTelemetry.PlatformAttribute, PlatformName(digest.Key.Workspace.Platform)));
        foreach (var (key, state) in report.Outcomes.Select(o => (o.Key, o.State)).Concat(report.Recovered.Select(e => (e.Key, e.State))))
        {
            var counter = state switch { OutboxState.Sent => _digestsSent, OutboxState.Failed => _digestsFailed, _ => null };
            counter?.Add(1, new KeyValuePair<string, object?>(BotTelemetry.PlatformAttribute, PlatformName(key.Workspace.Platform)));
        }
    }

    /// <summary>
    /// Whether anything listens to the platform API instruments (OpenTelemetry, <c>dotnet-counters</c>, a test's
    /// listener): when nothing does, a call is not named nor timed at all.
    /// </summary>
    public bool ApiCallsMeasured => _apiCalls.Enabled || _apiDuration.Enabled || _apiThrottles.Enabled || _apiRetries.Enabled;

    /// <summary>Whether anything listens to the store latency histogram (see <see cref="ApiCallsMeasured"/>).</summary>
    public bool StoreCallsMeasured => _storeDuration.Enabled;

    /// <summary>One HTTP request to a platform API; <paramref name="status"/> is null when no response came (then <paramref name="error"/> says why).</summary>
    public void ApiCall(Platform platform, string operation, string method, int? status, string? error, TimeSpan elapsed, bool retry)
    {
        var call = new TagList { { BotTelemetry.PlatformAttribute, PlatformName(platform) }, { BotTelemetry.OperationAttribute, operation } };
        if (status == 429)
            _apiThrottles.Add(1, call);
        if (retry)
            _apiRetries.Add(1, call);

        call.Add("http.request.method", method);
        if (status is { } code)
            call.Add("http.response.status_code", code);
        if (error is not null)
            call.Add("error.type", error);
        _apiCalls.Add(1, call);
        _apiDuration.Record(elapsed.TotalSeconds, call);
    }

    public void StoreCall(string store, string operation, TimeSpan elapsed, string? error)
    {
        var tags = new TagList { { BotTelemetry.StoreAttribute, store }, { BotTelemetry.StoreOperationAttribute, operation } };
        if (error is not null)
            tags.Add("error.type", error);
        _storeDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => _ownMeter?.Dispose();
}
