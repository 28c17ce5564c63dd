namespace AccountBot.Teams.Connector;

/// <summary>Supplies the bearer token for calls to the Bot Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>The access token, or null when no app id is configured (the local Playground needs none).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
