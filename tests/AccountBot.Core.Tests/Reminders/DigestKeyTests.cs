using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using static AccountBot.Core.Tests.Reminders.ReminderFixtures;

namespace AccountBot.Core.Tests.Reminders;

public sealed class DigestKeyTests
{
    [Theory]
    [InlineData(2026, 3, 2, "2026-W10")]
    [InlineData(2026, 3, 8, "2026-W10")]
    [InlineData(2026, 12, 31, "2026-W53")]
    [InlineData(2027, 1, 1, "2026-W53")]
    [InlineData(2024, 12, 30, "2025-W01")]
    public void WeekOf_LocalDate_IsoWeek(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DigestKey.WeekOf(new DateOnly(year, month, day)));

    [Theory]
    [InlineData("C1")]
    [InlineData("19:abc@thread.tacv2;messageid=1|2")]
    public void Parse_Value_RoundTrips(string channelId)
    {
        var key = new DigestKey(WorkspaceKey.ForSlack("E1", "T2"), channelId, "2026-W10");

        Assert.Equal(key, DigestKey.Parse(key.Value));
        Assert.Equal(key.Value, key.ToString());
    }

    [Theory]
    [InlineData("teams:abc")]
    [InlineData("teams:abc|C1")]
    [InlineData("teams:abc||2026-W10")]
    [InlineData("|C1|2026-W10")]
    public void Parse_NotAKey_FormatException(string value) =>
        Assert.Throws<FormatException>(() => DigestKey.Parse(value));

    [Fact]
    public void Equality_SameParts_Equal() =>
        Assert.Equal(new DigestKey(Workspace, "C1", "2026-W10"), new DigestKey(WorkspaceKey.ForSlack(null, "T1"), "C1", "2026-W10"));
}
