using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.WebApi;

public sealed class SlackChannelPacerTests
{
    private static readonly SlackTeamKey Team = new(null, "T1");

    [Fact]
    public async Task WaitTurnAsync_SecondPostToSameChannel_WaitsOneSecondOtherChannelDoesNot()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackChannelPacer(time);

        var first = pacer.WaitTurnAsync(Team, "C1", CancellationToken.None);
        var second = pacer.WaitTurnAsync(Team, "C1", CancellationToken.None);
        var other = pacer.WaitTurnAsync(Team, "C2", CancellationToken.None);
        var otherTeam = pacer.WaitTurnAsync(new SlackTeamKey(null, "T2"), "C1", CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(other.IsCompletedSuccessfully);
        Assert.True(otherTeam.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitTurnAsync_AfterQuietSecond_DoesNotWait()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackChannelPacer(time);

        await pacer.WaitTurnAsync(Team, "C1", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(pacer.WaitTurnAsync(Team, "C1", CancellationToken.None).IsCompletedSuccessfully);
    }
}
