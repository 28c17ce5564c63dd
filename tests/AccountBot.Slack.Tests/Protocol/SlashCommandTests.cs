using AccountBot.Slack.Protocol;
using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Protocol;

public sealed class SlashCommandTests
{
    [Fact]
    public void Parse_FixtureFormBody_ReadsEveryField()
    {
        var body = SlackRequestSigner.EncodeForm(Fixture.ReadCommandFields("map.in-command.json"));

        var command = SlashCommand.Parse(body);

        Assert.Equal("/map", command.Command);
        Assert.Equal("show Acme & Co <big> deal", command.Text);
        Assert.Equal("T0001", command.TeamId);
        Assert.Equal("example", command.TeamDomain);
        Assert.Equal("E0001", command.EnterpriseId);
        Assert.Equal("C2147483705", command.ChannelId);
        Assert.Equal("sales-acme", command.ChannelName);
        Assert.Equal("U2147483697", command.UserId);
        Assert.Equal("steve", command.UserName);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", command.ResponseUrl);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", command.TriggerId);
        Assert.Equal("A123456", command.ApiAppId);
        Assert.False(command.IsEnterpriseInstall);
        Assert.Equal(new("E0001", "T0001"), command.TeamKey);
        Assert.Equal("Globular Construct Inc", command.EnterpriseName);
    }

    [Fact]
    public void Parse_PlusForSpaceAndUnknownField_DecodesAndKeepsExtra()
    {
        var command = SlashCommand.Parse(
            "token=t&command=%2Fmap&text=Acme+Corp&team_id=T1&channel_id=C1&user_id=U1&response_url=https%3A%2F%2Fx&trigger_id=1.2&is_enterprise_install=true&new_field=v");

        Assert.Equal("Acme Corp", command.Text);
        Assert.True(command.IsEnterpriseInstall);
        Assert.Equal("v", command.Extra["new_field"]);
        Assert.False(command.Extra.ContainsKey("token"));
    }

    [Fact]
    public void Parse_EmptyText_IsEmptyString()
    {
        var command = SlashCommand.Parse("command=%2Fmap&text=&team_id=T1&channel_id=C1&user_id=U1&response_url=u&trigger_id=t");
        Assert.Equal("", command.Text);
        Assert.Null(command.EnterpriseId);
    }

    [Fact]
    public void Parse_WithoutCommand_ThrowsPayloadException()
    {
        var e = Assert.Throws<SlackPayloadException>(() => SlashCommand.Parse("team_id=T1&channel_id=C1"));
        Assert.Contains("command", e.Message, StringComparison.Ordinal);
    }
}
