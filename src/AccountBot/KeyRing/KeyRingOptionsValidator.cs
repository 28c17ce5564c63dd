using Microsoft.Extensions.Options;

namespace AccountBot.KeyRing;

/// <summary>Checks <see cref="KeyRingOptions"/> at start-up, naming the key to fix.</summary>
internal sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    private const string Key = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.KeysPath);

    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.KeysPath))
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.KeysPath) || options.KeysPath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"{Key} '{options.KeysPath}' is not a folder path: set a folder for the key ring, or leave it empty for '{KeyRingOptions.DefaultFolderName}' next to the database.");
        }

        var folder = Path.GetFullPath(options.KeysPath, environment.ContentRootPath);
        return File.Exists(folder)
            ? ValidateOptionsResult.Fail($"{Key} '{folder}' is a file: it must name a folder (created owner-only when missing).")
            : ValidateOptionsResult.Success;
    }
}
