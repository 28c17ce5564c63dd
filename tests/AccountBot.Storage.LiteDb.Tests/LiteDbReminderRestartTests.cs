using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// The reminder runner over a real database file, "restarted" (file closed, reopened, new stores and runner) at
/// every step of a digest's outbox lifecycle. The scripted sender stands for the platform and outlives restarts.
/// </summary>
public sealed class LiteDbReminderRestartTests : IDisposable
{
    // 2025-03-03 09:00 UTC, a Monday: the default schedule's occurrence of ISO week 2025-W10.
    private static readonly DateTimeOffset Monday0900 = MapBuilder.DefaultTime;
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");

    private readonly TempDatabase _db = new();
    private readonly ScriptedDigestSender _platform = new(Platform.Slack);
    private readonly ReminderDeliveryOptions _options = new() { MaxParallelSends = 2, MaxAttempts = 3, SendTimeout = TimeSpan.FromSeconds(30) };
    private LiteDbContext? _process;

    public void Dispose()
    {
        _process?.Dispose();
        _db.Dispose();
    }

    /// <summary>Stops the current "process" (closes the file) and starts a new one on the same file.</summary>
    /// <param name="check">The platform's delivery check, for a platform that can tell what it has (Slack).</param>
    private ReminderRunner Restart(Func<IDigestOutbox, IDigestOutbox>? wrap = null, IDigestDeliveryCheck? check = null)
    {
        _process?.Dispose();
        _process = _db.Open();
        var outbox = new LiteDbDigestOutbox(_process);
        return new ReminderRunner(
            _db.MapStore(_process),
            TempDatabase.SettingsStore(_process),
            wrap?.Invoke(outbox) ?? outbox,
            [_platform],
            new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), _db.Time),
            _options,
            _db.Time,
            check is null ? null : [check]);
    }

    private async Task SeedAsync(params string[] channels)
    {
        using var context = _db.Open();
        var builder = MapBuilder.For(Workspace).Named("Acme");
        foreach (var channel in channels)
        {
            builder = builder.LinkedTo(channel, channel.ToLowerInvariant());
        }

        await TempDatabase.SaveNewAsync(_db.MapStore(context), builder.Build());
    }

    private async Task<OutboxEntry> EntryAsync(string channel, string week = "2025-W10") =>
        (await new LiteDbDigestOutbox(_process!).GetAsync(new DigestKey(Workspace, channel, week), CancellationToken.None))!;

    [Theory]
    [InlineData(CrashPoint.AfterPlanning, 1)]
    [InlineData(CrashPoint.AfterEnqueue, 1)]
    [InlineData(CrashPoint.AfterMarkingSending, 1)]
    [InlineData(CrashPoint.AfterSendReturned, 2)]
    [InlineData(CrashPoint.AfterMarkingSent, 1)]
    public async Task RunAsync_CrashAtStepThenRestarts_NeverLost(CrashPoint crashAt, int expectedDeliveries)
    {
        // No platform check here: after a crash between the platform's answer and its record the digest goes again.
        _options.MaxParallelSends = 1;
        await SeedAsync("C1");
        _db.Time.SetUtcNow(Monday0900);

        var dying = Restart(o => new CrashingDigestOutbox(o, crashAt));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.RunAsync(null, CancellationToken.None));
        for (var i = 0; i < 3; i++)
        {
            _db.Time.Advance(TimeSpan.FromMinutes(5));
            await Restart().RunAsync(null, CancellationToken.None);
        }

        Assert.Equal(expectedDeliveries, _platform.Delivered.Count);
        Assert.Equal(OutboxState.Sent, (await EntryAsync("C1")).State);
    }

    [Fact]
    public async Task RunAsync_CrashAtEveryStepWithTwoSendsInFlight_PlatformThatCanTell_EveryChannelExactlyOnce()
    {
        // Two sends at a time: when the process dies at one step, the other send may be anywhere, even past the
        // platform's answer. Only a platform that can say what it has makes that exactly once (see the Teams policy).
        await SeedAsync("C1", "C2", "C3");
        _db.Time.SetUtcNow(Monday0900);
        var check = new ScriptedDeliveryCheck(_platform);
        CrashPoint[] points = [.. Enum.GetValues<CrashPoint>(), .. Enum.GetValues<CrashPoint>()];

        foreach (var point in points)
        {
            try
            {
                await Restart(o => new CrashingDigestOutbox(o, point), check).RunAsync(null, CancellationToken.None);
            }
            catch (SimulatedCrashException)
            {
                // Died; the next iteration is the restart.
            }

            // Long enough for an attempt the dead process left in doubt to be certainly over.
            _db.Time.Advance(_options.SendTimeout);
        }

        await Restart(check: check).RunAsync(null, CancellationToken.None);

        Assert.Equal(["C1", "C2", "C3"], _platform.Delivered.Select(d => d.ChannelId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_429ThenRestartBeforeRetryIsDue_RetriedAfterRetryAfterOnce()
    {
        await SeedAsync("C1");
        _db.Time.SetUtcNow(Monday0900);
        _platform.Script("C1", DeliveryResult.RetryLater("429 ratelimited", TimeSpan.FromSeconds(90)), DeliveryResult.RetryLater("503"));

        var first = await Restart().RunAsync(null, CancellationToken.None);
        _db.Time.Advance(TimeSpan.FromSeconds(89));
        await Restart().RunAsync(null, CancellationToken.None);
        Assert.Single(_platform.Calls);

        _db.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await Restart().RunAsync(null, CancellationToken.None);
        _db.Time.SetUtcNow(second.NextRetryAt!.Value);
        await Restart().RunAsync(null, CancellationToken.None);
        await Restart().RunAsync(null, CancellationToken.None);

        Assert.Equal(Monday0900.AddSeconds(90), first.NextRetryAt);
        Assert.Equal(3, _platform.Calls.Count);
        Assert.Single(_platform.Delivered);
        Assert.Equal(OutboxState.Sent, (await EntryAsync("C1")).State);
    }

    [Fact]
    public async Task RunAsync_PermanentFailure_RecordedInOutboxAndSettingsOtherChannelDelivered()
    {
        await SeedAsync("C1", "C2");
        _db.Time.SetUtcNow(Monday0900);
        _platform.Script("C1", DeliveryResult.Permanent("channel_not_found"));

        await Restart().RunAsync(null, CancellationToken.None);
        await Restart().RunAsync(null, CancellationToken.None);

        Assert.Equal(["C2"], _platform.Delivered.Select(d => d.ChannelId));
        Assert.Equal(OutboxState.Failed, (await EntryAsync("C1")).State);
        var settings = await TempDatabase.SettingsStore(_process!).GetAsync(Workspace, "C1", CancellationToken.None);
        Assert.Equal(new DeliveryFailure(Monday0900, "channel_not_found"), settings!.LastFailure);
    }

    [Fact]
    public async Task RunAsync_FiveWeeksDown_OneCatchUpDigestPerChannel()
    {
        await SeedAsync("C1", "C2");
        _db.Time.SetUtcNow(Monday0900);
        await Restart().RunAsync(null, CancellationToken.None);

        _db.Time.Advance(TimeSpan.FromDays(35) + TimeSpan.FromHours(2));
        await Restart().RunAsync(null, CancellationToken.None);
        await Restart().RunAsync(null, CancellationToken.None);

        Assert.Equal(
            ["2025-W10", "2025-W10", "2025-W15", "2025-W15"],
            _platform.Delivered.Select(d => d.Key.Week).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SettingsChangedMidWeek_NoSecondDigestThatWeek()
    {
        await SeedAsync("C1");
        _db.Time.SetUtcNow(Monday0900);
        await Restart().RunAsync(null, CancellationToken.None);

        _db.Time.Advance(TimeSpan.FromDays(1));
        var runner = Restart();
        await TempDatabase.SettingsStore(_process!).TrySaveAsync(
            new ChannelSettings { Workspace = Workspace, ChannelId = "C1", ReminderDay = DayOfWeek.Thursday, TimeZone = "America/Los_Angeles" },
            CancellationToken.None);
        _db.Time.Advance(TimeSpan.FromDays(3));
        await runner.RunAsync(null, CancellationToken.None);
        await Restart().RunAsync(null, CancellationToken.None);

        Assert.Equal(["2025-W10"], _platform.Delivered.Select(d => d.Key.Week));
    }

    [Fact]
    public async Task RunAsync_TwoRunnersOnOneDatabaseAtOnce_EachDigestClaimedOnce()
    {
        await SeedAsync("C1", "C2", "C3", "C4", "C5", "C6");
        _db.Time.SetUtcNow(Monday0900);
        var first = Restart();
        var outbox = new LiteDbDigestOutbox(_process!);
        var second = new ReminderRunner(
            _db.MapStore(_process!), TempDatabase.SettingsStore(_process!), outbox, [_platform],
            new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), _db.Time), _options, _db.Time);

        await Task.WhenAll(
            Task.Run(() => first.RunAsync(null, CancellationToken.None)),
            Task.Run(() => second.RunAsync(null, CancellationToken.None)));

        Assert.Equal(6, _platform.Delivered.Count);
        Assert.Equal(6, _platform.Delivered.Select(d => d.Key).Distinct().Count());
    }
}
