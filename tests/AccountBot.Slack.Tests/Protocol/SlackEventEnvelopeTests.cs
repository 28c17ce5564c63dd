using System.Text;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Tests.Protocol;

public sealed class SlackEventEnvelopeTests
{
    private static SlackEventEnvelope ParseFixture(string name) => SlackEventEnvelope.Parse(Encoding.UTF8.GetBytes(Fixture.Read(name)));

    [Fact]
    public void Parse_AppMentionFixture_ReadsEnvelopeAndEvent()
    {
        var envelope = Assert.IsType<EventCallbackEnvelope>(ParseFixture("channel-mention.in-app-mention.json"));

        Assert.Equal("Ev0LAN670R", envelope.EventId);
        Assert.Equal("T3MDE", envelope.TeamId);
        Assert.Equal(1515449522, envelope.EventTime);
        var authorization = Assert.Single(envelope.Authorizations);
        Assert.True(authorization.IsBot);
        Assert.Equal(new(null, "T3MDE"), envelope.TeamKey);
        var mention = Assert.IsType<AppMentionEvent>(envelope.Event);
        Assert.Equal("app_mention", mention.Type);
        Assert.Equal("U0CA5", mention.User);
        Assert.Equal("<@U0BOT> map Acme", mention.Text);
        Assert.Equal("C0CA5", mention.Channel);
        Assert.Equal("1515449522.000016", mention.Ts);
        Assert.Equal("1515449438.000011", mention.ThreadTs);
        Assert.True(mention.ExtensionData?.ContainsKey("client_msg_id"));
        Assert.True(envelope.ExtensionData?.ContainsKey("event_context"));
    }

    [Fact]
    public void Parse_UrlVerification_ReadsChallenge()
    {
        var envelope = Assert.IsType<UrlVerificationEnvelope>(ParseFixture("url-verification.event.json"));
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", envelope.Challenge);
    }

    [Fact]
    public void Parse_AppUninstalled_IsTypedEvent()
    {
        var envelope = Assert.IsType<EventCallbackEnvelope>(ParseFixture("app-uninstalled.event.json"));
        Assert.IsType<AppUninstalledEvent>(envelope.Event);
    }

    [Fact]
    public void Parse_TokensRevoked_ReadsRevokedBotUsers()
    {
        var envelope = Assert.IsType<EventCallbackEnvelope>(ParseFixture("tokens-revoked.event.json"));

        var revoked = Assert.IsType<TokensRevokedEvent>(envelope.Event);
        Assert.Equal(["U0BOT"], revoked.Tokens.Bot);
        Assert.Equal(["U0CA5"], revoked.Tokens.Oauth);
        Assert.Equal(new(null, "T3MDE"), envelope.TeamKey);
    }

    [Fact]
    public void Parse_UnknownEventType_IsUnknownEventKeepingFields()
    {
        var json = """{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"reaction_added","reaction":"thumbsup"}}""";

        var envelope = Assert.IsType<EventCallbackEnvelope>(SlackEventEnvelope.Parse(Encoding.UTF8.GetBytes(json)));

        var unknown = Assert.IsType<UnknownSlackEvent>(envelope.Event);
        Assert.Equal("reaction_added", unknown.Type);
        Assert.True(unknown.ExtensionData?.ContainsKey("reaction"));
    }

    [Fact]
    public void Parse_UnknownEnvelopeType_IsUnknownEnvelope()
    {
        var envelope = SlackEventEnvelope.Parse("""{"token":"x","type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}"""u8);
        Assert.IsType<UnknownEventEnvelope>(envelope);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1"}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention"}}""")]
    [InlineData("""{"type":"url_verification"}""")]
    public void Parse_Malformed_ThrowsPayloadException(string json)
    {
        Assert.Throws<SlackPayloadException>(() => SlackEventEnvelope.Parse(Encoding.UTF8.GetBytes(json)));
    }

    // Regressions found by the hostile-input corpus (tests/AccountBot.Host.Tests/Hostile): each used to escape as a 500.
    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'y', (byte)'p', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)'}' })]
    public void Parse_TypeThatIsNotUtf8_ThrowsPayloadException(byte[] body) =>
        Assert.Throws<SlackPayloadException>(() => SlackEventEnvelope.Parse(body));

    [Fact]
    public void Parse_NullAuthorization_ThrowsPayloadException() =>
        Assert.Throws<SlackPayloadException>(() => SlackEventEnvelope.Parse("""{"type":"event_callback","event_id":"Ev1","authorizations":[null],"event":{"type":"app_mention","user":"U1","channel":"C1","ts":"1.2"}}"""u8));

    [Fact]
    public void Parse_EventCallbackWithoutAuthorizationsOrText_KeepsEmptyDefaults()
    {
        var envelope = Assert.IsType<EventCallbackEnvelope>(SlackEventEnvelope.Parse("""{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"app_mention","user":"U1","channel":"C1","ts":"1.2"}}"""u8));

        Assert.Empty(envelope.Authorizations);
        Assert.Equal(new(null, "T1"), envelope.TeamKey);
        Assert.Equal(string.Empty, Assert.IsType<AppMentionEvent>(envelope.Event).Text);
    }
}
