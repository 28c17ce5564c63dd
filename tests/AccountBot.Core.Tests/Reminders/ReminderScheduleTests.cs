using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly ReminderOptions Defaults = new();

    private static ReminderSchedule Schedule(string zone, DayOfWeek? day = null, TimeOnly? time = null) =>
        ReminderSchedule.For(ChannelOf(Deals) with { TimeZone = zone, ReminderDay = day, ReminderTime = time }, Defaults);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void For_NoChannelSettings_DefaultMonday0900Utc()
    {
        var schedule = ReminderSchedule.For(null, Defaults);

        Assert.Equal("0 9 * * MON", schedule.Expression);
        Assert.Equal(Monday0900, schedule.LatestAtOrBefore(Monday0900));
        Assert.Equal(Monday0900.AddDays(-7), schedule.LatestAtOrBefore(Monday0900.AddTicks(-1)));
        Assert.Equal(Monday0900.AddDays(7), schedule.NextAfter(Monday0900));
        Assert.False(schedule.UsesFallbackTimeZone);
    }

    [Theory]
    [InlineData("Pacific/Auckland", "2026-03-01T20:00:00Z")] // NZDT, +13: Monday 09:00 is Sunday evening in UTC
    [InlineData("Asia/Kolkata", "2026-03-02T03:30:00Z")] // +05:30
    [InlineData("America/Los_Angeles", "2026-03-02T17:00:00Z")] // PST, -8
    public void LatestAtOrBefore_ZonesEitherSideOfUtc_Monday0900Local(string zone, string expectedUtc)
    {
        var schedule = Schedule(zone);
        var expected = DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, schedule.LatestAtOrBefore(expected));
        Assert.Equal(expected, schedule.NextAfter(expected.AddMinutes(-1)));
        Assert.Equal(TimeSpan.Zero, schedule.LatestAtOrBefore(expected)!.Value.Offset);
        Assert.Equal("2026-W10", schedule.KeyFor(Workspace, Deals.Id, expected).Week);
    }

    [Fact]
    public void KeyFor_AucklandSundayInUtc_WeekOfLocalMonday()
    {
        // 20:00Z on Sunday 1 March is already Monday 2 March in Auckland: week 10, not week 9.
        var key = Schedule("Pacific/Auckland").KeyFor(Workspace, Deals.Id, Utc(2026, 3, 1, 20));

        Assert.Equal(new DigestKey(Workspace, Deals.Id, "2026-W10"), key);
    }

    [Fact]
    public void LatestAtOrBefore_BerlinSpringForward0230_MovesToFirstInstantAfterGap()
    {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that Sunday.
        var schedule = Schedule("Europe/Berlin", DayOfWeek.Sunday, new TimeOnly(2, 30));

        Assert.Equal(Utc(2026, 3, 29, 1), schedule.NextAfter(Utc(2026, 3, 29, 0)));
        Assert.Equal(Utc(2026, 3, 22, 1, 30), schedule.LatestAtOrBefore(Utc(2026, 3, 29, 0, 59)));
        Assert.Equal(Utc(2026, 3, 29, 1), schedule.LatestAtOrBefore(Utc(2026, 3, 29, 1)));
        Assert.Equal(Utc(2026, 3, 29, 1), schedule.LatestAtOrBefore(Utc(2026, 4, 1, 12)));
        Assert.Equal(Utc(2026, 4, 5, 0, 30), schedule.NextAfter(Utc(2026, 3, 29, 1)));
    }

    [Fact]
    public void LatestAtOrBefore_BerlinFallBack0230_FirstOfTheTwoOnly()
    {
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens at 00:30Z and again at 01:30Z.
        var schedule = Schedule("Europe/Berlin", DayOfWeek.Sunday, new TimeOnly(2, 30));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), schedule.NextAfter(Utc(2026, 10, 24, 12)));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), schedule.LatestAtOrBefore(Utc(2026, 10, 25, 1, 45)));
        Assert.Equal(Utc(2026, 11, 1, 1, 30), schedule.NextAfter(Utc(2026, 10, 25, 0, 30)));
    }

    [Theory]
    [InlineData("Europe/Berlin", 2, 30, "2026-03-20", "2026-04-10")]
    [InlineData("Europe/Berlin", 2, 30, "2026-10-16", "2026-11-06")]
    [InlineData("America/New_York", 2, 30, "2026-03-01", "2026-03-20")]
    [InlineData("America/New_York", 1, 30, "2026-10-24", "2026-11-13")]
    [InlineData("Pacific/Auckland", 2, 30, "2026-04-01", "2026-04-10")]
    [InlineData("Pacific/Auckland", 2, 30, "2026-09-20", "2026-10-02")]
    public void LatestAndNext_AcrossDaylightSavingChanges_AgreeAndFireOncePerWeek(string zone, int hour, int minute, string from, string to)
    {
        var schedule = Schedule(zone, DayOfWeek.Sunday, new TimeOnly(hour, minute));
        var start = DateTimeOffset.Parse(from + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(to + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var seen = new SortedSet<DateTimeOffset>();

        for (var now = start; now <= end; now = now.AddMinutes(5))
        {
            var latest = schedule.LatestAtOrBefore(now)!.Value;
            var next = schedule.NextAfter(now)!.Value;
            Assert.True(latest <= now && now < next, $"{zone} at {now:u}: {latest:u} .. {next:u}");

            // Nothing in between: the occurrence after the latest is the next one.
            Assert.Equal(next, schedule.NextAfter(latest));
            seen.Add(latest);
        }

        var weeks = seen.Select(o => schedule.KeyFor(Workspace, Deals.Id, o).Week).ToList();
        Assert.Equal(weeks.Distinct().Count(), weeks.Count);
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, TimeSpan.FromHours(167), TimeSpan.FromHours(169)));
    }

    [Fact]
    public void For_UnknownChannelZone_FallsBackToDefaultZoneWithFlag()
    {
        var schedule = ReminderSchedule.For(
            ChannelOf(Deals) with { TimeZone = "Mars/Olympus_Mons" },
            new ReminderOptions { TimeZone = "Europe/Paris" });

        Assert.True(schedule.UsesFallbackTimeZone);
        Assert.Equal("Mars/Olympus_Mons", schedule.UnknownTimeZone);
        Assert.Equal("Europe/Paris", schedule.TimeZone.Id);
        Assert.Equal(Utc(2026, 3, 2, 8), schedule.LatestAtOrBefore(Utc(2026, 3, 2, 12)));
    }

    [Fact]
    public void For_UnknownDefaultZoneToo_Utc()
    {
        var schedule = ReminderSchedule.For(null, new ReminderOptions { TimeZone = "Nowhere/Else" });

        Assert.Equal("Nowhere/Else", schedule.UnknownTimeZone);
        Assert.Equal(TimeZoneInfo.Utc, schedule.TimeZone);
    }

    [Fact]
    public void For_ChannelSetOnlyTime_DayFromDefaultSchedule()
    {
        var options = new ReminderOptions { Schedule = "0 8 * * FRI" };

        var onlyTime = ReminderSchedule.For(ChannelOf(Deals) with { ReminderTime = new TimeOnly(14, 15) }, options);
        var onlyDay = ReminderSchedule.For(ChannelOf(Deals) with { ReminderDay = DayOfWeek.Tuesday }, options);
        var onlyZone = ReminderSchedule.For(ChannelOf(Deals) with { TimeZone = "Asia/Kolkata" }, options);

        Assert.Equal("15 14 * * 5", onlyTime.Expression);
        Assert.Equal("0 8 * * 2", onlyDay.Expression);
        Assert.Equal("0 8 * * FRI", onlyZone.Expression);
    }

    [Fact]
    public void For_ChannelTimeWithSeconds_WholeMinute()
    {
        var schedule = ReminderSchedule.For(ChannelOf(Deals) with { ReminderTime = new TimeOnly(9, 30, 45) }, Defaults);

        Assert.Equal(Utc(2026, 3, 2, 9, 30), schedule.NextAfter(Monday0900));
    }

    [Fact]
    public void Create_NotACronExpression_FormatException() =>
        Assert.Throws<FormatException>(() => ReminderSchedule.Create("every monday", "Etc/UTC", "Etc/UTC"));

    [Fact]
    public void KeyFor_SameOccurrenceTwice_SameKey()
    {
        var first = ReminderSchedule.For(null, new ReminderOptions()).KeyFor(Workspace, Deals.Id, Monday0900);
        var second = ReminderSchedule.For(null, new ReminderOptions()).KeyFor(Workspace, Deals.Id, Monday0900);

        Assert.Equal(first, second);
        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public void KeyFor_DifferentTimesInOneWeek_SameKey()
    {
        var monday = ReminderSchedule.For(null, Defaults);
        var friday = ReminderSchedule.For(ChannelOf(Deals) with { ReminderDay = DayOfWeek.Friday }, Defaults);

        Assert.Equal(
            monday.KeyFor(Workspace, Deals.Id, Monday0900),
            friday.KeyFor(Workspace, Deals.Id, friday.NextAfter(Monday0900)!.Value));
    }

    [Fact]
    public void Settings_DefaultsOnly_DescribedByDefaultSchedule()
    {
        var channel = new ChannelSettings { Workspace = Workspace, ChannelId = "C9" };

        Assert.Equal(Defaults.Schedule, ReminderSchedule.For(channel, Defaults).Expression);
    }
}
