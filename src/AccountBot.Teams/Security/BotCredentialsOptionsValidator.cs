using Microsoft.Extensions.Options;

namespace AccountBot.Teams.Security;

/// <summary>Start-up validation of the root <c>MicrosoftApp*</c> keys; each message names the key to fix.</summary>
public sealed class BotCredentialsOptionsValidator : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);

        if (hasId && !Guid.TryParse(options.MicrosoftAppId, out _))
            failures.Add("MicrosoftAppId must be the bot's Entra application (client) id, a GUID.");
        if (hasId && !hasPassword)
            failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (the client secret of the bot's app registration).");
        if (!hasId && hasPassword)
            failures.Add("MicrosoftAppId is required when MicrosoftAppPassword is set.");
        if (hasId && options.MicrosoftAppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
            failures.Add("MicrosoftAppTenantId must be a tenant id (GUID).");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
