namespace AccountBot.Teams.Security;

/// <summary>
/// The bot's identity, bound from ROOT configuration keys named as the Bot Framework ecosystem
/// names them (App Service settings, Teams Toolkit and the Azure Bot resource all use these).
/// No <see cref="MicrosoftAppId"/> means "not configured": inbound requests fail closed and
/// outbound calls carry no token (the local Agents Playground needs none).
/// </summary>
public sealed class BotCredentialsOptions
{
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Required for <see cref="BotAppType.SingleTenant"/>.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
