using AccountBot.Adapters.Conversations;
using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Bot;

/// <summary>The person's address a Teams nudge is sent with: recorded from their messages, never from a shared channel.</summary>
public sealed class UserAddressTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SenderAddressAt_PersonalChatOrChannel_KeyedByTheMapsUserId_PostsToTheTeamsAccount(bool inChannel)
    {
        var builder = new ActivityBuilder();
        var activity = (inChannel ? builder.InChannel("map list") : builder.Message("map list")).Build();
        var turn = PrivateChannelContextTests.Turn(activity);
        var context = turn.Context!;

        var address = turn.SenderAddressAt(Now)!;

        Assert.Equal(ConversationAddress.UserChannelId("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"), address.ChannelId);
        Assert.Equal("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", context.User.Id);
        Assert.Equal(
            (ActivityBuilder.UserId, ActivityBuilder.TenantId, activity.ServiceUrl, ActivityBuilder.BotId, ConversationAddress.UserType),
            (address.ConversationId, address.TenantId, address.ServiceUrl, address.BotId, address.ConversationType));
    }

    [Fact]
    public void SenderAddressAt_SharedChannel_None()
    {
        var activity = new ActivityBuilder().InChannel("map list")
            .With(a => a with { ChannelData = a.ChannelData! with { Channel = a.ChannelData.Channel! with { Type = "shared" } } })
            .Build();

        Assert.Null(PrivateChannelContextTests.Turn(activity).SenderAddressAt(Now));
    }
}
