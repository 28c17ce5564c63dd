using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Security;

/// <summary>RSA keys are slow to generate; a test class shares these.</summary>
public sealed class SigningKeysFixture : IDisposable
{
    /// <summary>Endorsed like the Bot Connector's own keys: for Teams and for the channels anyone can write to.</summary>
    public TestSigningKey TeamsKey { get; } = new("teams-key-1", "msteams", "webchat", "directline");

    public TestSigningKey RotatedKey { get; } = new("rotated-key-2", "msteams");

    public void Dispose()
    {
        TeamsKey.Dispose();
        RotatedKey.Dispose();
    }
}
