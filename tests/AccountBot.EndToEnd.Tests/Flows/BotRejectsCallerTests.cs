using AccountBot.EndToEnd.Tests.Fixtures;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

public sealed class BotRejectsCallerTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = EchoBotPlaygroundFixture.Timeout;

    [Fact]
    public async Task SendPersonalMessage_BotAnswers401_LogStreamShowsThe401()
    {
        fixture.Bot.RejectAll = true;
        var text = "rejected " + Guid.NewGuid().ToString("N")[..6];

        var posted = await fixture.Client.SendPersonalMessageAsync(text, CancellationToken.None);

        // The Playground's own answer is 200 either way (it answers before calling the bot).
        Assert.NotNull(posted.MessageId);
        var log = await fixture.Session.Log.WaitForAsync(
            f => f.Log is { IsCallToBot: true } entry && entry.DisplayText == text, Timeout, CancellationToken.None);
        Assert.Equal(401, log.Log!.Response?.StatusCode);
        var shape = await PlaygroundFixtures.CaptureAsync("log-frame-401", log.Raw, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }
}
