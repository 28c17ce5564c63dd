using Microsoft.Extensions.Options;

namespace AccountBot.Pictures;

/// <summary>Checks <see cref="PictureOptions"/> at start-up, naming the key to fix (never echoing the key's value).</summary>
internal sealed class PictureOptionsValidator : IValidateOptions<PictureOptions>
{
    public ValidateOptionsResult Validate(string? name, PictureOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url)
                || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
                || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                failures.Add($"{PictureOptions.PublicBaseUrlKey} '{options.PublicBaseUrl}' must be the bot's absolute https:// address (http:// only for localhost), without a query.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (LinkSigningKeys.TryDecode(options.SigningKey) is not { Length: >= PictureOptions.MinKeyBytes })
            {
                failures.Add($"{PictureOptions.Section}:SigningKey must be base64 of at least {PictureOptions.MinKeyBytes} random bytes (e.g. openssl rand -base64 32), or left empty to have one generated.");
            }
        }

        for (var i = 0; i < options.PreviousSigningKeys.Count; i++)
        {
            if (LinkSigningKeys.TryDecode(options.PreviousSigningKeys[i]) is not { Length: >= PictureOptions.MinKeyBytes })
            {
                failures.Add($"{PictureOptions.Section}:PreviousSigningKeys:{i} must be base64 of at least {PictureOptions.MinKeyBytes} bytes: a key that signed links before the current one.");
            }
        }

        if (options.ExportLifetime <= TimeSpan.Zero || options.ExportLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{PictureOptions.ExportLifetimeKey} must be more than 0 and at most 1 day (e.g. 00:15:00).");
        }

        if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > TimeSpan.FromDays(90))
        {
            failures.Add($"{PictureOptions.Section}:LinkLifetime must be more than 0 and at most 90 days (e.g. 7.00:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
