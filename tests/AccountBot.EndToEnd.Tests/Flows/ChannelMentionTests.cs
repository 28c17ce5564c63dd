using AccountBot.EndToEnd.Tests.Fixtures;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

public sealed class ChannelMentionTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = EchoBotPlaygroundFixture.Timeout;

    [Fact]
    public async Task SendChannelMessage_MentionsBot_BotSeesMentionAndRepliesInThread()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);
        var channel = config.Team.Channels.Single(c => c.Id == PlaygroundTeamsIds.Realistic.ChannelId);
        var command = "map Acme " + Guid.NewGuid().ToString("N")[..6];

        var posted = await fixture.Client.SendChannelMessageAsync(channel.Id, command, CancellationToken.None);

        Assert.Equal($"{channel.Id};messageid={posted.MessageId}", posted.PostConversationId);
        var inbound = await fixture.Bot.Received.WaitForAsync(
            a => a.Type == "message" && a.Text?.EndsWith(command, StringComparison.Ordinal) == true, Timeout, CancellationToken.None);
        Assert.Equal(posted.PostConversationId, inbound.ConversationId);
        Assert.Equal($"<at>{config.Bot.Name}</at> {command}", inbound.Text);
        var mention = inbound.Activity.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "mention");
        Assert.Equal(config.Bot.Id, mention.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal($"<at>{config.Bot.Name}</at>", mention.GetProperty("text").GetString());
        var channelData = inbound.Activity.GetProperty("channelData");
        Assert.Equal(config.TenantId, channelData.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(channel.Id, channelData.GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(config.Team.Id, channelData.GetProperty("team").GetProperty("id").GetString());

        var reply = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && f.Message?.Text == "echo: " + command, Timeout, CancellationToken.None);
        Assert.Equal(posted.PostConversationId, reply.ActionConversationId);
        var shape = await PlaygroundFixtures.CaptureAsync("channel-mention", inbound.Activity, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }
}
