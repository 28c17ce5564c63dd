using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>Text and shape helpers over one canvas; owns the fonts and paints of one drawing.</summary>
internal sealed class Pen : IDisposable
{
    private readonly SKCanvas canvas;
    private readonly ChartFonts fonts;
    private readonly Dictionary<(float Size, bool Bold), SKFont> cache = [];
    private readonly SKPaint fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

    public Pen(SKCanvas canvas, ChartFonts fonts)
    {
        this.canvas = canvas;
        this.fonts = fonts;
    }

    public SKCanvas Canvas => canvas;

    public SKFont Font(float size, bool bold = false)
    {
        if (!cache.TryGetValue((size, bold), out var font))
        {
            font = new SKFont(bold ? fonts.Bold : fonts.Regular, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
            cache[(size, bold)] = font;
        }

        return font;
    }

    public float Measure(string text, float size, bool bold = false) => Font(size, bold).MeasureText(text);

    /// <summary>Draws text with its top-left (or top-centre/right) at the point; baseline from the font metrics.</summary>
    public void Text(string text, float x, float top, float size, SKColor color, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        var font = Font(size, bold);
        fill.Color = color;
        canvas.DrawText(text, x, top - font.Metrics.Ascent, align, font, fill);
    }

    /// <summary>The text shortened with an ellipsis so it is at most <paramref name="width"/> wide.</summary>
    public string Fit(string text, float width, float size, bool bold = false)
    {
        if (Measure(text, size, bold) <= width)
        {
            return text;
        }

        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = text[..length].TrimEnd() + "…";
            if (Measure(candidate, size, bold) <= width)
            {
                return candidate;
            }
        }

        return "…";
    }

    public void Rect(LabelBox box, SKColor color, float radius = 0)
    {
        fill.Color = color;
        canvas.DrawRoundRect(box.Left, box.Top, box.Width, box.Height, radius, radius, fill);
    }

    public void Outline(LabelBox box, SKColor color, float width = 1, float radius = 0)
    {
        stroke.Color = color;
        stroke.StrokeWidth = width;
        stroke.PathEffect = null;
        canvas.DrawRoundRect(box.Left, box.Top, box.Width, box.Height, radius, radius, stroke);
    }

    public void Circle(float x, float y, float r, SKColor color)
    {
        fill.Color = color;
        canvas.DrawCircle(x, y, r, fill);
    }

    public void Ring(float x, float y, float r, SKColor color, float width)
    {
        stroke.Color = color;
        stroke.StrokeWidth = width;
        stroke.PathEffect = null;
        canvas.DrawCircle(x, y, r, stroke);
    }

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width = 1, bool dashed = false)
    {
        stroke.Color = color;
        stroke.StrokeWidth = width;
        using var dash = dashed ? SKPathEffect.CreateDash([6, 4], 0) : null;
        stroke.PathEffect = dash;
        canvas.DrawLine(x1, y1, x2, y2, stroke);
        stroke.PathEffect = null;
    }

    public void Arrowhead(float fromX, float fromY, float toX, float toY, SKColor color, float size = 9)
    {
        var angle = MathF.Atan2(toY - fromY, toX - fromX);
        using var path = new SKPath();
        path.MoveTo(toX, toY);
        path.LineTo(toX - (size * MathF.Cos(angle - 0.4f)), toY - (size * MathF.Sin(angle - 0.4f)));
        path.LineTo(toX - (size * MathF.Cos(angle + 0.4f)), toY - (size * MathF.Sin(angle + 0.4f)));
        path.Close();
        fill.Color = color;
        canvas.DrawPath(path, fill);
    }

    /// <summary>A legend entry: a swatch (dot, line or letters) and its text; returns the next row's top.</summary>
    public float LegendDot(float x, float top, SKColor color, string text)
    {
        Circle(x + 6, top + 8, 6, color);
        Text(text, x + 18, top, 12, Palette.Ink);
        return top + 20;
    }

    public void Dispose()
    {
        foreach (var font in cache.Values)
        {
            font.Dispose();
        }

        fill.Dispose();
        stroke.Dispose();
    }
}
