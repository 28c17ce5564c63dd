namespace AccountBot.Teams.Security;

/// <summary>Constants of the Bot Framework channel-to-bot token.</summary>
public static class BotFrameworkAuthentication
{
    /// <summary>The only issuer of tokens the Bot Connector sends to bots.</summary>
    public const string Issuer = "https://api.botframework.com";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The claim that binds a token to the serviceUrl of the activity it came with.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The extra JWKS member listing the channels a key may sign for.</summary>
    public const string EndorsementsKey = "endorsements";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>RS256/384/512: the only algorithms the channel uses; everything else (none, HS*) is refused.</summary>
    public static IReadOnlyList<string> AllowedAlgorithms { get; } = ["RS256", "RS384", "RS512"];
}
