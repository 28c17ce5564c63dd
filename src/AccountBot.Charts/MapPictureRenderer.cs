using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>
/// Renders a map's pictures as PNG. Deterministic: the same map gives the same bytes (stable
/// ordering, no clock, no randomness, fonts loaded from fixed files). Thread-safe: each call draws
/// on its own surface; the typefaces are shared read-only.
/// </summary>
public sealed class MapPictureRenderer(ChartFonts fonts, CoverageOptions coverage)
{
    // Skia tries every PNG row filter by default, which dominates the render time; flat-coloured
    // charts compress about as well with the Sub filter alone, at a fraction of the cost.
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 6);

    public RenderedPicture Render(AccountMap map, MapPicture picture)
    {
        ArgumentNullException.ThrowIfNull(map);
        Picture drawing = picture switch
        {
            MapPicture.Grid => new GridPicture(coverage.HighScoreThreshold),
            MapPicture.Onion => new OnionPicture(),
            MapPicture.Org => new OrgPicture(),
            _ => new RaciPicture(),
        };

        var info0 = new SKImageInfo(1, 1);
        int width, height;
        using (var probe = SKSurface.Create(info0))
        using (var probePen = new Pen(probe.Canvas, fonts))
        {
            (width, height) = drawing.Size(map, probePen);
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Could not create a {width}×{height} drawing surface.");
        surface.Canvas.Clear(Palette.Background);
        ChartLayout layout;
        using (var pen = new Pen(surface.Canvas, fonts))
        {
            layout = drawing.Draw(map, pen, width, height);
        }

        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(PngOptions)
            ?? throw new InvalidOperationException("The picture could not be encoded as PNG.");
        return new RenderedPicture(data.ToArray(), layout);
    }
}
