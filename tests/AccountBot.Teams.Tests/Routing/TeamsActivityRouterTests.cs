using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;

namespace AccountBot.Teams.Tests.Routing;

public sealed class TeamsActivityRouterTests
{
    [Fact]
    public void OnMessage_RegisteredTwice_Throws()
    {
        var router = new TeamsActivityRouter().OnMessage((_, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => router.OnMessage((_, _) => Task.CompletedTask));
    }

    [Fact]
    public void OnInvoke_SameNameTwice_Throws()
    {
        var router = new TeamsActivityRouter().OnInvoke(InvokeNames.AdaptiveCardAction, (_, _) => Task.FromResult(new InvokeResponse(200)));

        Assert.Throws<InvalidOperationException>(() => router.OnInvoke(InvokeNames.AdaptiveCardAction, (_, _) => Task.FromResult(new InvokeResponse(200))));
    }

    [Fact]
    public void On_InvokeType_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TeamsActivityRouter().On(ActivityTypes.Invoke, (_, _) => Task.CompletedTask));
    }

    [Fact]
    public void OnError_RegisteredTwice_Throws()
    {
        var router = new TeamsActivityRouter().OnError((_, _, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => router.OnError((_, _, _) => Task.CompletedTask));
    }
}
