namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>The real host without the development bypass and without app credentials: it must refuse the Playground.</summary>
public sealed class AuthRequiredPlaygroundFixture : AccountBotPlaygroundFixture
{
    protected override bool AllowUnauthenticated => false;
}
