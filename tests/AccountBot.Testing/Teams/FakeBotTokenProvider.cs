using AccountBot.Teams.Connector;

namespace AccountBot.Testing.Teams;

/// <summary>Hands out a fixed token (or none, like a bot without an app id).</summary>
public sealed class FakeBotTokenProvider(string? token) : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}
