using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>The real host with the bypass off and no app credentials refuses the Playground's token-less calls.</summary>
public sealed class AuthRequiredTests(AuthRequiredPlaygroundFixture fixture) : IClassFixture<AuthRequiredPlaygroundFixture>
{
    [Fact]
    public async Task PersonalMessage_BypassOff_PlaygroundLogShows401AndNoReply()
    {
        await fixture.Client.SendPersonalMessageAsync("map Acme", CancellationToken.None);

        var refused = await fixture.Session.Log.WaitForAsync(
            f => f.Log is { IsCallToBot: true, Response.StatusCode: 401 }, AccountBotPlaygroundFixture.Timeout, CancellationToken.None);

        Assert.NotNull(refused.Log);
        Assert.DoesNotContain(fixture.Session.Conversation.Frames.Items, f => f.Action == ConversationFrame.CreateMessage);
        Assert.Contains("401", fixture.Host.Output, StringComparison.Ordinal);
    }
}
