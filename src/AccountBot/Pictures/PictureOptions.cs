namespace AccountBot.Pictures;

/// <summary>
/// Serving map pictures and CSV exports through signed links. <see cref="PublicBaseUrl"/> is the
/// root key <c>PublicBaseUrl</c> (the bot's public https address, shared with the platforms) and
/// <see cref="ExportLifetime"/> is <c>PublicLinks:ExportLifetime</c>; the rest is the <c>Pictures</c> section.
/// </summary>
public sealed class PictureOptions
{
    public const string Section = "Pictures";
    public const string PublicBaseUrlKey = "PublicBaseUrl";
    public const string ExportLifetimeKey = "PublicLinks:ExportLifetime";
    public const int MinKeyBytes = 32;

    /// <summary>The bot's public address, e.g. https://bot.example.com. Without it, no links are made.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Base64, at least 32 bytes; signs every new link. When empty, one is generated on first start and kept next to the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys that signed links before the current one (base64): their links are accepted until they expire. Remove a key after <see cref="LinkLifetime"/>.</summary>
    public IList<string> PreviousSigningKeys { get; } = [];

    /// <summary>How long a picture link works (chat messages keep showing the picture that long).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a CSV export link works: it hands out the whole map, and is meant to be used right away.</summary>
    public TimeSpan ExportLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where DejaVu Sans is looked for (the default is Debian's fonts-dejavu-core).</summary>
    public string? FontDirectory { get; set; }
}
