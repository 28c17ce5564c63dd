using SkiaSharp;

namespace AccountBot.Charts.Tests;

/// <summary>A decoded PNG with helpers to look at regions.</summary>
internal sealed class PngPixels : IDisposable
{
    private readonly SKBitmap bitmap;

    public PngPixels(byte[] png) =>
        bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a PNG that SkiaSharp can decode.");

    public int Width => bitmap.Width;

    public int Height => bitmap.Height;

    /// <summary>Pixels in the box that are clearly darker than the background tints.</summary>
    public int InkIn(LabelBox box)
    {
        var count = 0;
        foreach (var (x, y) in Points(box))
        {
            var c = bitmap.GetPixel(x, y);
            if (c.Red + c.Green + c.Blue < 3 * 170)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>How many pixels of the box differ from the same box of another picture.</summary>
    public int DifferencesIn(PngPixels other, LabelBox box) =>
        Points(box).Count(p => bitmap.GetPixel(p.X, p.Y) != other.bitmap.GetPixel(p.X, p.Y));

    public void Dispose() => bitmap.Dispose();

    private IEnumerable<(int X, int Y)> Points(LabelBox box)
    {
        var left = Math.Max(0, (int)box.Left);
        var top = Math.Max(0, (int)box.Top);
        var right = Math.Min(Width, (int)Math.Ceiling(box.Right));
        var bottom = Math.Min(Height, (int)Math.Ceiling(box.Bottom));
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                yield return (x, y);
            }
        }
    }
}
