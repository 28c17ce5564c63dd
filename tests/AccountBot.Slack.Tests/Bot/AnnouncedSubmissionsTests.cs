using System.Globalization;
using AccountBot.Slack.Bot;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Bot;

public sealed class AnnouncedSubmissionsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryClaim_SameKeyTwice_ClaimedOnce()
    {
        var announcements = new AnnouncedSubmissions(_time);

        Assert.True(announcements.TryClaim("s1"));
        Assert.False(announcements.TryClaim("s1"));
    }

    [Fact]
    public void TryClaim_MoreKeysThanKept_StaysWithinTheBound()
    {
        var announcements = new AnnouncedSubmissions(_time);

        for (var i = 0; i < AnnouncedSubmissions.Capacity + 500; i++)
            announcements.TryClaim("s" + i.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(AnnouncedSubmissions.Capacity, announcements.Count);
    }

    [Fact]
    public void TryClaim_AfterTheRetention_OldKeysForgotten()
    {
        var announcements = new AnnouncedSubmissions(_time);
        for (var i = 0; i < 100; i++)
            announcements.TryClaim("s" + i.ToString(CultureInfo.InvariantCulture));

        _time.Advance(AnnouncedSubmissions.Retention);
        announcements.TryClaim("new");

        Assert.Equal(1, announcements.Count);
    }
}
