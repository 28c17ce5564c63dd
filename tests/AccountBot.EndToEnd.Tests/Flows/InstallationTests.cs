using System.Text.Json;
using AccountBot.EndToEnd.Tests.Fixtures;
using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

public sealed class InstallationTests(EchoBotPlaygroundFixture fixture) : IClassFixture<EchoBotPlaygroundFixture>
{
    private static readonly TimeSpan Timeout = EchoBotPlaygroundFixture.Timeout;

    [Fact]
    public async Task Install_PersonalChat_BotReceivesInstallationUpdateAndConversationUpdate()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);

        await fixture.Client.InstallAsync(config.PersonalChat.Id, CancellationToken.None);

        var installation = await fixture.Bot.Received.WaitForAsync(a => a.Type == "installationUpdate", Timeout, CancellationToken.None);
        var update = await fixture.Bot.Received.WaitForAsync(a => a.Type == "conversationUpdate", Timeout, CancellationToken.None);
        Assert.Equal("add", installation.Activity.GetProperty("action").GetString());
        Assert.Equal(config.PersonalChat.Id, installation.ConversationId);
        Assert.Equal(config.PersonalChat.Id, update.ConversationId);
        var added = update.Activity.GetProperty("membersAdded").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains(config.Bot.Id, added);
        Assert.Contains(config.CurrentUser.Id, added);
        // Quirk: both are sent without waiting for each other, so their arrival order varies; don't rely on it.
        var shape = await PlaygroundFixtures.CaptureAsync("install-installationUpdate", installation.Activity, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
        shape = await PlaygroundFixtures.CaptureAsync("install-conversationUpdate", update.Activity, CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }

    [Fact]
    public async Task SendCustomActivity_FromAnotherUser_ReachesBotAsSent()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);
        var other = config.Users[1];
        var template = await fixture.Client.GetCustomActivityTemplateAsync(config.Team.Id, type: null, CancellationToken.None);
        var shape = await PlaygroundFixtures.CaptureAsync("custom-activity-template", JsonSerializer.SerializeToElement(template), CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
        var text = "from " + other.Name + " " + Guid.NewGuid().ToString("N")[..6];
        template["type"] = "message";
        template["text"] = text;
        template["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = other.Id, ["name"] = other.Name, ["aadObjectId"] = other.AadObjectId };

        await fixture.Client.SendCustomActivityAsync(template, CancellationToken.None);

        var inbound = await fixture.Bot.Received.WaitForAsync(a => a.Text == text, Timeout, CancellationToken.None);
        Assert.Equal(other.Id, inbound.Activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(config.Team.Id, inbound.ConversationId);
        await fixture.Session.Conversation.WaitForAsync(f => f.Message?.Text == "echo: " + text, Timeout, CancellationToken.None);
    }

    [Fact]
    public async Task GetCustomActivityTemplate_BotAddedToTeam_IsConversationUpdateWithBot()
    {
        var config = await fixture.Client.GetTestConfigAsync(CancellationToken.None);

        var template = await fixture.Client.GetCustomActivityTemplateAsync(config.Team.Id, "botAdded", CancellationToken.None);

        Assert.Equal("conversationUpdate", (string?)template["type"]);
        Assert.Contains(config.Bot.Id, template["membersAdded"]!.AsArray().Select(m => (string?)m!["id"]));
        var shape = await PlaygroundFixtures.CaptureAsync("template-botAdded-team", JsonSerializer.SerializeToElement(template), CancellationToken.None);
        Assert.True(shape.IsEmpty, shape.ToString());
    }
}
