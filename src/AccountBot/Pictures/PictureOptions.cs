namespace AccountBot.Pictures;

/// <summary>
/// Serving map pictures and CSV exports through signed links. <see cref="PublicBaseUrl"/> is the
/// root key <c>PublicBaseUrl</c> (the bot's public https address, shared with the platforms);
/// the rest is the <c>Pictures</c> section.
/// </summary>
public sealed class PictureOptions
{
    public const string Section = "Pictures";
    public const string PublicBaseUrlKey = "PublicBaseUrl";
    public const int MinKeyBytes = 32;

    /// <summary>The bot's public address, e.g. https://bot.example.com. Without it, no links are made.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Base64, at least 32 bytes. When empty, one is generated on first start and kept next to the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Where DejaVu Sans is looked for (the default is Debian's fonts-dejavu-core).</summary>
    public string? FontDirectory { get; set; }
}
