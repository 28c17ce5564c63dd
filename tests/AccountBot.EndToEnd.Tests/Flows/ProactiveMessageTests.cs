using System.Net;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

/// <summary>Runs with the Playground's built-in ids, as a developer starting it without a config file gets them.</summary>
public sealed class ProactiveMessageTests(BuiltInIdsPlaygroundFixture fixture) : IClassFixture<BuiltInIdsPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = EchoBotPlaygroundFixture.Timeout;

    [Fact]
    public async Task SendProactive_AfterInstall_MessageArrivesWithoutInboundActivity()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);
        await fixture.Client.InstallAsync(config.PersonalChat.Id, CancellationToken.None);
        var reference = await fixture.Bot.Received.WaitForAsync(a => a.Type == "conversationUpdate", Timeout, CancellationToken.None);
        await fixture.Bot.Received.WaitForAsync(a => a.Type == "installationUpdate", Timeout, CancellationToken.None);
        var inboundBefore = fixture.Bot.Received.Items.Count;
        var text = "reminder " + Guid.NewGuid().ToString("N")[..6];

        var call = await fixture.Bot.SendProactiveAsync(reference.ServiceUrl!, reference.ConversationId!, text, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var frame = await fixture.Session.Conversation.WaitForAsync(f => f.Message?.Text == text, Timeout, CancellationToken.None);
        Assert.Equal(ConversationFrame.CreateMessage, frame.Action);
        Assert.Equal(call.Id, frame.Message!.MessageId);
        Assert.Equal(config.PersonalChat.Id, frame.ActionConversationId);
        Assert.Equal(inboundBefore, fixture.Bot.Received.Items.Count);
    }

    [Fact]
    public async Task BuiltInIds_ConversationIdOption_NamesThePersonalChat()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);

        Assert.StartsWith("personal-chat-", config.PersonalChat.Id, StringComparison.Ordinal);
        Assert.Equal("user-id-0", config.CurrentUser.Id);
        Assert.Equal("00000000-0000-0000-0000-00000000000011", config.Bot.Id);
        Assert.Equal(config.Team.Id, config.Team.Channels[0].Id);
    }
}
