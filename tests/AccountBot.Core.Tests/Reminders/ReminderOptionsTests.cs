using System.ComponentModel.DataAnnotations;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Tests.Reminders;

public sealed class ReminderOptionsTests
{
    private static List<ValidationResult> Validate(ReminderOptions options)
    {
        // As the host validates options at start-up.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_Monday0900ScheduleAndThresholds()
    {
        var options = new ReminderOptions();

        Assert.Equal("0 9 * * MON", options.Schedule);
        Assert.Equal(DayOfWeek.Monday, options.Day);
        Assert.Equal(new TimeOnly(9, 0), options.Time);
        Assert.Equal(30, options.StaleAfterDays);
        Assert.Equal(45, options.StaleContactDays);
        Assert.Equal(20, options.MaxItems);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Schedule_OnlyScheduleSet_DayAndTimeReadFromIt()
    {
        var options = new ReminderOptions { Schedule = "30 8 * * FRI" };

        Assert.Equal(DayOfWeek.Friday, options.Day);
        Assert.Equal(new TimeOnly(8, 30), options.Time);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Schedule_OnlyDayAndTimeSet_BuiltFromThem()
    {
        var options = new ReminderOptions { Day = DayOfWeek.Tuesday, Time = new TimeOnly(10, 15) };

        Assert.Equal("15 10 * * 2", options.Schedule);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Schedule_OnlyDaySet_DefaultTime()
    {
        var options = new ReminderOptions { Day = DayOfWeek.Sunday };

        Assert.Equal("0 9 * * 0", options.Schedule);
    }

    [Fact]
    public void Validate_ScheduleAndDayDisagree_ErrorNamesBoth()
    {
        var options = new ReminderOptions { Schedule = "0 9 * * MON", Day = DayOfWeek.Friday };

        var error = Assert.Single(Validate(options));
        Assert.Contains(nameof(ReminderOptions.Schedule), error.MemberNames);
        Assert.Contains(nameof(ReminderOptions.Day), error.MemberNames);
    }

    [Fact]
    public void Validate_ScheduleAndDayAgree_Valid() =>
        Assert.Empty(Validate(new ReminderOptions { Schedule = "0 9 * * 1", Day = DayOfWeek.Monday, Time = new TimeOnly(9, 0) }));

    [Theory]
    [InlineData("every monday")]
    [InlineData("0 0 9 * * MON")]
    [InlineData("0 25 * * MON")]
    public void Validate_NotFiveFieldCron_ErrorOnSchedule(string schedule)
    {
        var error = Assert.Single(Validate(new ReminderOptions { Schedule = schedule }));

        Assert.Equal([nameof(ReminderOptions.Schedule)], error.MemberNames);
    }

    [Fact]
    public void Day_ScheduleNotWeekly_DefaultMonday()
    {
        var options = new ReminderOptions { Schedule = "0 9 * * MON,THU" };

        Assert.Equal(DayOfWeek.Monday, options.Day);
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Validate_TimeWithSeconds_Error() =>
        Assert.Single(Validate(new ReminderOptions { Time = new TimeOnly(9, 0, 30) }));

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Validate_MaxItemsOutsidePlatformLimit_Error(int maxItems) =>
        Assert.Single(Validate(new ReminderOptions { MaxItems = maxItems }));

    [Theory]
    [InlineData("0 9 * * 7", DayOfWeek.Sunday, 9, 0)]
    [InlineData("5 17 ? * sat", DayOfWeek.Saturday, 17, 5)]
    public void ReadWeekly_PlainWeekly_DayAndTime(string expression, DayOfWeek day, int hour, int minute) =>
        Assert.Equal((day, new TimeOnly(hour, minute)), ReminderOptions.ReadWeekly(expression));

    [Theory]
    [InlineData("0 9 1 * MON")]
    [InlineData("*/5 9 * * MON")]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("")]
    public void ReadWeekly_NotPlainWeekly_Null(string expression) =>
        Assert.Null(ReminderOptions.ReadWeekly(expression));
}
