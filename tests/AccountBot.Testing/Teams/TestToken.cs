using Microsoft.IdentityModel.Tokens;

namespace AccountBot.Testing.Teams;

/// <summary>What a test token says; defaults are a valid Bot Connector token for <see cref="Audience"/>.</summary>
public sealed record TestToken
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public required string Audience { get; init; }

    public required string ServiceUrl { get; init; }

    /// <summary>The moment the token is issued; lifetime defaults are relative to it.</summary>
    public required DateTimeOffset Now { get; init; }

    public string Issuer { get; init; } = BotFrameworkIssuer;

    public TimeSpan NotBeforeOffset { get; init; } = TimeSpan.Zero;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
}
