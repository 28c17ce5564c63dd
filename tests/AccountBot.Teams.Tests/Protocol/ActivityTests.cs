using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Tests.Protocol;

public sealed class ActivityTests
{
    public static TheoryData<string> AllFixtures() =>
    [
        "channel-message-with-mention.json",
        "personal-message.json",
        "submit-message-with-value.json",
        "adaptive-card-action-invoke.json",
        "conversation-update-bot-added.json",
        "installation-update-add.json",
    ];

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Serialize_RoundTripOfTeamsPayload_KeepsEveryField(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Read(fixture));

        var activity = Fixtures.Activity(fixture);
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity));

        Assert.True(Fixtures.JsonEquivalent(original, written), $"round trip changed {fixture}:\n{written}");
    }

    [Fact]
    public void Deserialize_ChannelMessage_ReadsTeamsFields()
    {
        var activity = Fixtures.Activity("channel-message-with-mention.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", activity.ServiceUrl);
        Assert.Equal("channel", activity.Conversation?.ConversationType);
        Assert.True(activity.Conversation?.IsGroup);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", activity.GetTenantId());
        Assert.Equal("19:f0e1d2c3b4a5968778695a4b3c2d1e0f@thread.tacv2", activity.ChannelData?.Team?.Id);
        Assert.Equal("Key accounts", activity.ChannelData?.Channel?.Name);
        Assert.Equal("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", activity.From?.AadObjectId);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 11, 12, 345, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(2, activity.Entities?.Count);
        Assert.True(activity.ExtensionData?.ContainsKey("localTimestamp"));
    }

    [Fact]
    public void RemoveRecipientMention_ChannelMessage_LeavesTheCommand()
    {
        var activity = Fixtures.Activity("channel-message-with-mention.json");

        Assert.Equal("map Acme", activity.RemoveRecipientMention());
    }

    [Fact]
    public void RemoveRecipientMention_MentionOfSomeoneElse_KeepsIt()
    {
        var activity = Fixtures.Activity("channel-message-with-mention.json") with
        {
            Text = "<at>AccountBot</at> tag <at>Grace</at> champion",
            Entities =
            [
                new Entity { Type = "mention", Text = "<at>AccountBot</at>", Mentioned = new ChannelAccount { Id = "28:0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d" } },
                new Entity { Type = "mention", Text = "<at>Grace</at>", Mentioned = new ChannelAccount { Id = "29:grace" } },
            ],
        };

        Assert.Equal("tag <at>Grace</at> champion", activity.RemoveRecipientMention());
    }

    [Fact]
    public void RemoveRecipientMention_PersonalMessage_ReturnsTrimmedText()
    {
        var activity = Fixtures.Activity("personal-message.json") with { Text = "  show Acme  " };

        Assert.Equal("show Acme", activity.RemoveRecipientMention());
    }

    [Fact]
    public void Deserialize_SubmitMessage_ExposesValueAndReplyToId()
    {
        var activity = Fixtures.Activity("submit-message-with-value.json");

        Assert.Null(activity.Text);
        Assert.Equal("1714986002456", activity.ReplyToId);
        Assert.Equal("addStakeholder", activity.Value?.GetProperty("verb").GetString());
        Assert.Equal("Grace Hopper", activity.Value?.GetProperty("name").GetString());
    }

    [Fact]
    public void GetAdaptiveCardInvokeValue_ActionExecuteInvoke_ReadsVerbAndData()
    {
        var activity = Fixtures.Activity("adaptive-card-action-invoke.json");

        var value = activity.GetAdaptiveCardInvokeValue();

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("Action.Execute", value?.Action?.Type);
        Assert.Equal("setStance", value?.Action?.Verb);
        Assert.Equal("supporter", value?.Action?.Data?.GetProperty("stance").GetString());
        Assert.Equal("manual", value?.Trigger);
    }

    [Fact]
    public void IsRecipientAdded_ConversationUpdateWithBot_ReturnsTrue()
    {
        var activity = Fixtures.Activity("conversation-update-bot-added.json");

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.True(activity.IsRecipientAdded());
        Assert.Equal("teamMemberAdded", activity.ChannelData?.EventType);
    }

    [Fact]
    public void Deserialize_InstallationUpdate_ReadsAction()
    {
        var activity = Fixtures.Activity("installation-update-add.json");

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal(InstallationActions.Add, activity.Action);
        Assert.Equal("Sales EMEA", activity.ChannelData?.Team?.Name);
    }

    [Fact]
    public void GetConversationReference_ChannelMessage_CarriesEverythingAProactiveSendNeeds()
    {
        var activity = Fixtures.Activity("channel-message-with-mention.json");

        var reference = activity.GetConversationReference();

        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("19:8a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b@thread.tacv2;messageid=1714990272345", reference.Conversation.Id);
        Assert.Equal("28:0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", reference.Bot?.Id);
        Assert.Equal("29:1Xo3lQj2abcDEFghiJKLmnoPQRstuVWxyz", reference.User?.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.TenantId);
        Assert.Equal("1714990272345", reference.ActivityId);
    }

    [Fact]
    public void GetConversationReference_NoServiceUrl_Throws()
    {
        var activity = Fixtures.Activity("personal-message.json") with { ServiceUrl = null };

        Assert.Throws<InvalidOperationException>(activity.GetConversationReference);
    }

    [Fact]
    public void CreateReply_PersonalMessage_SwapsFromAndRecipient()
    {
        var activity = Fixtures.Activity("personal-message.json");

        var reply = activity.CreateReply("hello");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(activity.Recipient, reply.From);
        Assert.Equal(activity.From, reply.Recipient);
        Assert.Equal(activity.Id, reply.ReplyToId);
        Assert.Equal(activity.Conversation, reply.Conversation);
    }

    [Fact]
    public void Serialize_OutboundMessage_OmitsNullsAndUsesCamelCase()
    {
        var json = JsonSerializer.Serialize(Activity.CreateMessage("hi") with { TextFormat = TextFormats.Plain }, TeamsJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","text":"hi","textFormat":"plain"}""", json);
    }

    [Fact]
    public void Deserialize_MissingType_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"text":"hi"}""", TeamsJsonContext.Default.Activity));
    }

    // Regressions found by the hostile-input corpus (tests/AccountBot.Host.Tests/Hostile): a null in a list threw.
    [Fact]
    public void RemoveRecipientMention_NullEntity_IgnoresIt()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"message","text":"<at>Bot</at> map Acme","recipient":{"id":"28:bot"},"entities":[null,{"type":"mention","text":"<at>Bot</at>","mentioned":{"id":"28:bot"}}]}""", TeamsJsonContext.Default.Activity)!;

        Assert.Equal("map Acme", activity.RemoveRecipientMention());
    }

    [Fact]
    public void IsRecipientAdded_NullMember_IgnoresIt()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[null,{"id":"28:bot"}]}""", TeamsJsonContext.Default.Activity)!;

        Assert.True(activity.IsRecipientAdded());
    }
}
