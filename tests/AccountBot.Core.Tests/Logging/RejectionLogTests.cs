using System.Globalization;
using AccountBot.Core.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Logging;

public sealed class RejectionLogTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ShouldLog_OtherReasonWithinTheSecond_HasItsOwnLine()
    {
        var log = new RejectionLog(_time);

        Assert.True(log.ShouldLog("a", out _));
        Assert.False(log.ShouldLog("a", out _));
        Assert.True(log.ShouldLog("b", out var count));
        Assert.Equal(1, count);
    }

    [Fact]
    public void ShouldLog_EndlesslyVaryingReasons_ShareOneBucketPastTheBound()
    {
        var log = new RejectionLog(_time);
        var lines = 0;

        for (var i = 0; i < 10_000; i++)
        {
            if (log.ShouldLog("reason " + i.ToString(CultureInfo.InvariantCulture), out _))
                lines++;
        }

        Assert.Equal(RejectionLog.MaxReasons + 1, lines);
    }
}
