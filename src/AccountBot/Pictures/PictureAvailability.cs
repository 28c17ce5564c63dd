using AccountBot.Charts;
using Microsoft.Extensions.Options;

namespace AccountBot.Pictures;

/// <summary>
/// Whether pictures can be offered, and if not why (no public address, or the font is missing);
/// decided once, said once in the log at start-up.
/// </summary>
internal sealed class PictureAvailability(IOptions<PictureOptions> options)
{
    private readonly Lazy<string?> reason = new(() => Check(options.Value));

    /// <summary>Null when pictures are served; else the sentence for the log.</summary>
    public string? Reason => reason.Value;

    private static string? Check(PictureOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return $"Map pictures and export links are off: set {PictureOptions.PublicBaseUrlKey} to the bot's public https address. Picture commands answer with text.";
        }

        try
        {
            using var fonts = new ChartFonts(options.FontDirectory);
            return null;
        }
        catch (FileNotFoundException missing)
        {
            return "Map pictures are off: " + missing.Message;
        }
    }
}
