using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.EndToEnd.Tests.EchoBot;
using AccountBot.EndToEnd.Tests.Fixtures;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

public sealed class AdaptiveCardTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = EchoBotPlaygroundFixture.Timeout;

    [Fact]
    public async Task SubmitCard_BotUpdatesCard_UpdateMessageArrivesForSameMessageId()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);
        var card = await SendCardAsync(config.PersonalChat.Id);
        var name = "Ada " + Guid.NewGuid().ToString("N")[..6];

        // What a Teams client sends for Action.Submit: the action's data merged with the inputs by id.
        await fixture.Client.SubmitAsync(
            config.PersonalChat.Id, card.Message!.MessageId, new JsonObject { ["verb"] = EchoCards.SaveVerb, ["name"] = name }, CancellationToken.None);

        var submit = await fixture.Bot.Received.WaitForAsync(
            a => a.Type == "message" && a.ReplyToId == card.Message.MessageId, Timeout, CancellationToken.None);
        Assert.Equal(name, submit.Value!.Value.GetProperty("name").GetString());
        Assert.Equal(EchoCards.SaveVerb, submit.Value.Value.GetProperty("verb").GetString());
        var update = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.UpdateMessage && f.Message?.MessageId == card.Message.MessageId, Timeout, CancellationToken.None);
        var put = await fixture.Bot.ConnectorCalls.WaitForAsync(c => c.Method == HttpMethod.Put, Timeout, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var attachment = Assert.Single(update.Message!.Attachments!);
        Assert.Equal(EchoCards.ContentType, attachment.ContentType);
        Assert.Equal($"saved {name}", attachment.Content.GetProperty("body")[0].GetProperty("text").GetString());
        var shape = await PlaygroundFixtures.CaptureAsync("card-submit", submit.Activity, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
        shape = await PlaygroundFixtures.CaptureAsync("stream-update-message", update.Raw, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }

    [Fact]
    public async Task ExecuteCardAction_BotAnswersCard_InvokeReturnsTheCard()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);
        var card = await SendCardAsync(config.PersonalChat.Id);

        var answer = await fixture.Client.InvokeAsync(
            config.PersonalChat.Id, card.Message!.MessageId, EchoCards.SaveVerb, new JsonObject { ["name"] = "Grace" }, CancellationToken.None);

        var invoke = await fixture.Bot.Received.WaitForAsync(
            a => a.Type == "invoke" && a.ReplyToId == card.Message.MessageId, Timeout, CancellationToken.None);
        Assert.Equal("adaptiveCard/action", invoke.Name);
        var action = invoke.Value!.Value.GetProperty("action");
        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.Equal(EchoCards.SaveVerb, action.GetProperty("verb").GetString());
        Assert.Equal("Grace", action.GetProperty("data").GetProperty("name").GetString());
        Assert.Contains("executed save", answer.GetRawText(), StringComparison.Ordinal);
        var shape = await PlaygroundFixtures.CaptureAsync("card-execute-invoke", invoke.Activity, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
        shape = await PlaygroundFixtures.CaptureAsync("invoke-answer", answer, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }

    private async Task<ConversationFrame> SendCardAsync(string conversationId)
    {
        var nonce = Guid.NewGuid().ToString("N")[..6];
        await fixture.Client.SendPersonalMessageAsync("card " + nonce, CancellationToken.None);
        var frame = await fixture.Session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage
                && f.Message?.Attachments is [{ ContentType: EchoCards.ContentType } attachment]
                && attachment.Content.GetProperty("body")[0].GetProperty("text").GetString() == EchoCards.FormTitle(nonce),
            Timeout,
            CancellationToken.None);
        Assert.Equal(conversationId, frame.ActionConversationId);
        await PlaygroundFixtures.CaptureAsync("stream-create-card", frame.Raw, CancellationToken.None);
        return frame;
    }
}
