using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams;

/// <summary>Start-up validation of <see cref="TeamsOptions"/>; each message names the key to fix.</summary>
public sealed class TeamsOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata))
            failures.Add("Teams:OpenIdMetadataUrl must be an absolute URL.");
        else if (metadata.Scheme != Uri.UriSchemeHttps && !(metadata.Scheme == Uri.UriSchemeHttp && metadata.IsLoopback))
            failures.Add("Teams:OpenIdMetadataUrl must use https (plain http only on loopback, for tests).");

        for (var i = 0; i < options.AllowedTenants.Count; i++)
        {
            if (!Guid.TryParse(options.AllowedTenants[i], out _))
                failures.Add($"Teams:AllowedTenants:{i} must be an Entra tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47), not a domain name.");
        }

        if (options.MaxRequestBodyBytes <= 0)
            failures.Add("Teams:MaxRequestBodyBytes must be positive.");

        failures.AddRange(options.ConnectorRetry.Validate("Teams:ConnectorRetry"));

        if (environment is not null && TeamsOptionsValidation.GetEnvironmentError(options, environment) is { } error)
            failures.Add(error);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
