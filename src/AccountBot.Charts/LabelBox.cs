namespace AccountBot.Charts;

/// <summary>An axis-aligned rectangle in picture pixels (top-left origin).</summary>
public readonly record struct LabelBox(float Left, float Top, float Width, float Height)
{
    public float Right => Left + Width;

    public float Bottom => Top + Height;

    public float CenterX => Left + (Width / 2);

    public float CenterY => Top + (Height / 2);

    public bool Intersects(LabelBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Contains(LabelBox other) =>
        other.Left >= Left && other.Right <= Right && other.Top >= Top && other.Bottom <= Bottom;
}
