using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Hosting;

/// <summary>Start-up checks whose messages name the configuration key to fix.</summary>
public sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasId = !string.IsNullOrEmpty(options.ClientId);
        var hasSecret = !string.IsNullOrEmpty(options.ClientSecret);
        if (hasId && !hasSecret)
            failures.Add("Slack:ClientSecret is required when Slack:ClientId is set.");
        if (hasSecret && !hasId)
            failures.Add("Slack:ClientId is required when Slack:ClientSecret is set.");
        if (hasId && string.IsNullOrWhiteSpace(options.Scopes))
            failures.Add("Slack:Scopes must list the bot scopes to request when Slack:ClientId is set.");
        if (options.RedirectUri is { IsAbsoluteUri: false })
            failures.Add("Slack:RedirectUri must be an absolute URL.");
        if (!string.IsNullOrEmpty(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            failures.Add("Slack:BotToken must be a bot token (xoxb-…).");
        if (!options.ApiBaseUrl.IsAbsoluteUri || !options.ApiBaseUrl.AbsoluteUri.EndsWith('/'))
            failures.Add("Slack:ApiBaseUrl must be an absolute URL ending in '/'.");
        if (!options.AuthorizeUrl.IsAbsoluteUri)
            failures.Add("Slack:AuthorizeUrl must be an absolute URL.");
        if (options.MaxRequestBodyBytes is < 1024 or > 10 * 1024 * 1024)
            failures.Add("Slack:MaxRequestBodyBytes must be between 1024 and 10485760.");
        if (options.InstallStateLifetime <= TimeSpan.Zero)
            failures.Add("Slack:InstallStateLifetime must be positive.");
        failures.AddRange(options.ApiRetry.Validate("Slack:ApiRetry"));
        for (var i = 0; i < options.AllowedTeams.Count; i++)
        {
            if (!SlackIds().IsMatch(options.AllowedTeams[i] ?? ""))
                failures.Add($"Slack:AllowedTeams:{i} '{options.AllowedTeams[i]}' is not a Slack team id (T…) or enterprise id (E…).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[TE][A-Z0-9]{2,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackIds();
}
