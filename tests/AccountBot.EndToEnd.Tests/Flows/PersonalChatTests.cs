using AccountBot.EndToEnd.Tests.Fixtures;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

public sealed class PersonalChatTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = EchoBotPlaygroundFixture.Timeout;

    [Fact]
    public async Task SendPersonalMessage_BotEchoes_ReplyArrivesOnConversationStream()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);
        var text = "hello " + Guid.NewGuid().ToString("N")[..6];

        await fixture.Client.SendPersonalMessageAsync(text, CancellationToken.None);

        var inbound = await fixture.Bot.Received.WaitForAsync(a => a.Type == "message" && a.Text == text, Timeout, CancellationToken.None);
        var frame = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && f.Message?.Text == "echo: " + text, Timeout, CancellationToken.None);
        var reply = await fixture.Bot.ConnectorCalls.WaitForAsync(c => c.Address.AbsolutePath.EndsWith(inbound.Id!, StringComparison.Ordinal), Timeout, CancellationToken.None);

        Assert.Equal(config.PersonalChat.Id, inbound.ConversationId);
        Assert.Equal(PlaygroundTeamsIds.Realistic.PersonalChatId, inbound.ConversationId);
        Assert.Equal("msteams", inbound.Activity.GetProperty("channelId").GetString());
        Assert.Equal("personal", inbound.Activity.GetProperty("conversation").GetProperty("conversationType").GetString());
        Assert.Equal(config.Bot.Id, inbound.Activity.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Null(inbound.Authorization);
        Assert.Equal($"http://localhost:{fixture.Session.Process.Port}/_connector", inbound.ServiceUrl);
        Assert.Equal(System.Net.HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(reply.Id, frame.Message!.MessageId);
        Assert.Equal(config.Bot.Id, frame.Message.From?.Id);
        var shape = await PlaygroundFixtures.CaptureAsync("personal-message", inbound.Activity, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }

    [Fact]
    public async Task SendPersonalMessage_BotAnswered_LogStreamShowsCallWith200()
    {
        var text = "log me " + Guid.NewGuid().ToString("N")[..6];

        await fixture.Client.SendPersonalMessageAsync(text, CancellationToken.None);

        var log = await fixture.Session.Log.WaitForAsync(
            f => f.Log is { IsCallToBot: true } entry && entry.DisplayText == text, Timeout, CancellationToken.None);
        Assert.Equal(200, log.Log!.Response?.StatusCode);
        Assert.Equal("message", log.Log.ActivityName);
    }
}
