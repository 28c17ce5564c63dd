using AccountBot.Testing.Teams;

namespace AccountBot.Teams.Tests.Security;

/// <summary>RSA keys are slow to generate; a test class shares these.</summary>
public sealed class SigningKeysFixture : IDisposable
{
    public TestSigningKey TeamsKey { get; } = new("teams-key-1", "msteams", "webchat");

    public TestSigningKey RotatedKey { get; } = new("rotated-key-2", "msteams");

    public void Dispose()
    {
        TeamsKey.Dispose();
        RotatedKey.Dispose();
    }
}
