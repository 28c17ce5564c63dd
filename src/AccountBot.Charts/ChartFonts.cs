using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>
/// The typefaces every picture uses, loaded from files so the same bytes come out on every machine
/// of the same kind (no font fallback that differs between hosts). Missing fonts fail loudly with
/// the file that was looked for, instead of drawing empty boxes.
/// </summary>
public sealed class ChartFonts : IDisposable
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    public ChartFonts(string? directory = null)
    {
        var folder = string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory;
        Regular = Load(folder, RegularFile);
        Bold = Load(folder, BoldFile);
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    private static SKTypeface Load(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The map pictures need the font DejaVu Sans ({file}) and it is not at {path}. Install it (Debian: apt-get install -y fonts-dejavu-core) or set the font directory.",
                path);
        }

        return SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"The font file {path} (DejaVu Sans) could not be read.");
    }
}
