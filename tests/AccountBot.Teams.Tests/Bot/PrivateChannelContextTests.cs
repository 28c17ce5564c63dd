using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>A Teams private channel, as the activity says (<c>channelData.channel.type</c>), makes the request's channel private.</summary>
public sealed class PrivateChannelContextTests
{
    [Theory]
    [InlineData("private", true)]
    [InlineData("Private", true)]
    [InlineData("standard", false)]
    [InlineData("shared", false)]
    [InlineData(null, false)]
    public void TryCreateContext_ChannelType_PrivateOnlyForAPrivateChannel(string? type, bool expected)
    {
        var activity = new ActivityBuilder().InChannel("map Hush create")
            .With(a => a with { ChannelData = a.ChannelData! with { Channel = a.ChannelData.Channel! with { Type = type } } })
            .Build();

        Assert.Equal(expected, TeamsRequestContexts.TryCreateContext(activity)!.PrivateChannel);
    }

    [Fact]
    public void TryCreateContext_PersonalChat_NotPrivate() =>
        Assert.False(TeamsRequestContexts.TryCreateContext(new ActivityBuilder().Message("map Hush create").Build())!.PrivateChannel);
}
