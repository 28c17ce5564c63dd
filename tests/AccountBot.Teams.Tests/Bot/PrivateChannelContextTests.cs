using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

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
    public void Context_ChannelType_PrivateOnlyForAPrivateChannel(string? type, bool expected)
    {
        var activity = new ActivityBuilder().InChannel("map Hush create")
            .With(a => a with { ChannelData = a.ChannelData! with { Channel = a.ChannelData.Channel! with { Type = type } } })
            .Build();

        Assert.Equal(expected, Turn(activity).Context!.PrivateChannel);
    }

    [Fact]
    public void Context_PersonalChat_NotPrivate() =>
        Assert.False(Turn(new ActivityBuilder().Message("map Hush create").Build()).Context!.PrivateChannel);

    // The turn's context reads the activity only: services with no Bot Connector client in them are enough.
    internal static TeamsTurn Turn(Activity activity) => new(activity, isAuthenticated: true, identity: null, new ServiceCollection().BuildServiceProvider());
}
