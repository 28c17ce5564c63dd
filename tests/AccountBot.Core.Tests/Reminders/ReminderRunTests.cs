using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders;

/// <summary>The planner run every few minutes on a fake clock against an outbox, as the hosted job runs it.</summary>
public sealed class ReminderRunTests
{
    private static readonly IReadOnlyList<AccountMap> Maps = [Map("Acme", Monday0900, Deals)];

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static List<(DateTimeOffset At, PlannedDigest Digest)> Run(string from, string to, ChannelSettings settings, HashSet<DigestKey>? outbox = null) =>
        Simulate(Utc(from), Utc(to), TimeSpan.FromMinutes(10), _ => Maps, _ => [settings], outbox);

    private static ChannelSettings Sunday(string zone, int hour, int minute) =>
        ChannelOf(Deals) with { TimeZone = zone, ReminderDay = DayOfWeek.Sunday, ReminderTime = new TimeOnly(hour, minute) };

    private static HashSet<DigestKey> Done(params string[] weeks) => [.. weeks.Select(w => new DigestKey(Workspace, Deals.Id, w))];

    [Fact]
    public void Run_BerlinSunday0230AcrossSpringForward_NeitherSkippedNorRepeated()
    {
        var sent = Run("2026-03-21T00:00Z", "2026-04-06T00:00Z", Sunday("Europe/Berlin", 2, 30), Done("2026-W11"));

        Assert.Equal(
            [Utc("2026-03-22T01:30Z"), Utc("2026-03-29T01:00Z"), Utc("2026-04-05T00:30Z")],
            sent.Select(s => s.Digest.Occurrence));
        Assert.Equal(["2026-W12", "2026-W13", "2026-W14"], sent.Select(s => s.Digest.Key.Week));
        Assert.All(sent, s => Assert.Equal(s.Digest.Occurrence, s.At));
    }

    [Fact]
    public void Run_BerlinSunday0230AcrossFallBack_NeitherSkippedNorRepeated()
    {
        var sent = Run("2026-10-17T00:00Z", "2026-11-02T00:00Z", Sunday("Europe/Berlin", 2, 30), Done("2026-W41"));

        Assert.Equal(
            [Utc("2026-10-18T00:30Z"), Utc("2026-10-25T00:30Z"), Utc("2026-11-01T01:30Z")],
            sent.Select(s => s.Digest.Occurrence));
    }

    [Fact]
    public void Run_NewYorkSunday0230AcrossSpringForward_OnceAfterTheGap()
    {
        var sent = Run("2026-03-01T12:00Z", "2026-03-16T00:00Z", Sunday("America/New_York", 2, 30), Done("2026-W09"));

        // 2:30 EST on 1 March, the gap on 8 March (2:00 jumps to 3:00 EDT), 2:30 EDT on 15 March.
        Assert.Equal(
            [Utc("2026-03-08T07:00Z"), Utc("2026-03-15T06:30Z")],
            sent.Select(s => s.Digest.Occurrence));
    }

    [Fact]
    public void Run_NewYorkSunday0130AcrossFallBack_FirstOfTheTwoOnly()
    {
        var sent = Run("2026-10-24T12:00Z", "2026-11-09T00:00Z", Sunday("America/New_York", 1, 30), Done("2026-W42"));

        // 1 November: 1:30 EDT (05:30Z) and again 1:30 EST (06:30Z); only the first counts.
        Assert.Equal(
            [Utc("2026-10-25T05:30Z"), Utc("2026-11-01T05:30Z"), Utc("2026-11-08T06:30Z")],
            sent.Select(s => s.Digest.Occurrence));
    }

    [Fact]
    public void Run_DayMovedLaterMidWeek_NoSecondDigestThatWeek()
    {
        var friday = ChannelOf(Deals) with { ReminderDay = DayOfWeek.Friday };
        var movedAt = Utc("2026-03-04T12:00Z");

        var sent = Simulate(
            Utc("2026-03-02T08:00Z"), Utc("2026-03-21T00:00Z"), TimeSpan.FromMinutes(30),
            _ => Maps, now => now < movedAt ? [] : [friday], Done("2026-W09"));

        Assert.Equal(
            [Utc("2026-03-02T09:00Z"), Utc("2026-03-13T09:00Z"), Utc("2026-03-20T09:00Z")],
            sent.Select(s => s.Digest.Occurrence));
    }

    [Fact]
    public void Run_DayMovedEarlierMidWeek_ThisWeeksDigestNotLost()
    {
        var friday = ChannelOf(Deals) with { ReminderDay = DayOfWeek.Friday };
        var movedAt = Utc("2026-03-04T12:00Z");

        var sent = Simulate(
            Utc("2026-03-02T08:00Z"), Utc("2026-03-17T00:00Z"), TimeSpan.FromMinutes(30),
            _ => Maps, now => now < movedAt ? [friday] : [], Done("2026-W09"));

        // The new Monday slot of this week has passed: the week's digest goes out at the next run, once.
        Assert.Equal([movedAt, Utc("2026-03-09T09:00Z"), Utc("2026-03-16T09:00Z")], sent.Select(s => s.At));
        Assert.Equal(["2026-W10", "2026-W11", "2026-W12"], sent.Select(s => s.Digest.Key.Week));
    }

    [Fact]
    public void Run_TimeMovedLaterSameDayAfterDigest_NoSecondDigest()
    {
        var afternoon = ChannelOf(Deals) with { ReminderTime = new TimeOnly(15, 0) };
        var movedAt = Utc("2026-03-02T10:00Z");

        var sent = Simulate(
            Utc("2026-03-02T08:00Z"), Utc("2026-03-10T00:00Z"), TimeSpan.FromMinutes(10),
            _ => Maps, now => now < movedAt ? [] : [afternoon], Done("2026-W09"));

        Assert.Equal([Utc("2026-03-02T09:00Z"), Utc("2026-03-09T15:00Z")], sent.Select(s => s.At));
    }

    [Fact]
    public void Run_FiveWeeksDown_OneCatchUpDigestThenWeekly()
    {
        var outbox = new HashSet<DigestKey>();
        var before = Simulate(Utc("2026-03-01T00:00Z"), Utc("2026-03-03T00:00Z"), TimeSpan.FromHours(1), _ => Maps, _ => [], outbox);

        // Down from 3 March to 8 April: five Mondays missed.
        var after = Simulate(Utc("2026-04-08T10:00Z"), Utc("2026-04-14T00:00Z"), TimeSpan.FromHours(1), _ => Maps, _ => [], outbox);

        Assert.Equal(["2026-W09", "2026-W10"], before.Select(s => s.Digest.Key.Week));
        Assert.Equal(["2026-W15", "2026-W16"], after.Select(s => s.Digest.Key.Week));
        Assert.Equal(Utc("2026-04-08T10:00Z"), after[0].At);
        Assert.Equal(Utc("2026-04-06T09:00Z"), after[0].Digest.Occurrence);
    }

    [Fact]
    public void Run_GapAppearsMidWeekAfterQuietDigest_WaitsForNextWeek()
    {
        var fine = Covered("Acme", Monday0900, Deals);
        var broken = fine with { Stakeholders = [.. fine.Stakeholders.Where(p => !p.Has(Role.Champion))] };
        var brokeAt = Utc("2026-03-04T12:00Z");

        var sent = Simulate(
            Utc("2026-03-02T08:00Z"), Utc("2026-03-10T00:00Z"), TimeSpan.FromMinutes(30),
            now => now < brokeAt ? [fine] : [broken], _ => [], Done("2026-W09"));

        Assert.Equal([Utc("2026-03-09T09:00Z")], sent.Select(s => s.At));
    }

    [Fact]
    public void Run_RemindersTurnedBackOnMidWeek_NextWeek()
    {
        var off = ChannelOf(Deals) with { RemindersEnabled = false };
        var onAt = Utc("2026-03-04T12:00Z");

        var sent = Simulate(
            Utc("2026-03-02T08:00Z"), Utc("2026-03-10T00:00Z"), TimeSpan.FromMinutes(30),
            _ => Maps, now => now < onAt ? [off] : [], Done("2026-W09"));

        Assert.Equal([Utc("2026-03-09T09:00Z")], sent.Select(s => s.At));
    }
}
