namespace AccountBot.Teams.Security;

/// <summary><c>MicrosoftAppType</c>: how the bot's Entra app registration is scoped.</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
}
