using AccountBot.Core.Accounts;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>One kind of picture: its size for a map, then the drawing (which returns where it put whom).</summary>
internal abstract class Picture
{
    public abstract (int Width, int Height) Size(AccountMap map, Pen pen);

    public abstract ChartLayout Draw(AccountMap map, Pen pen, int width, int height);

    /// <summary>A stable order that does not depend on insertion order or culture.</summary>
    internal static IOrderedEnumerable<Stakeholder> Sorted(IEnumerable<Stakeholder> people) =>
        people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id);

    protected static void Title(Pen pen, string title, string subtitle)
    {
        pen.Text(title, 24, 14, 20, Palette.Ink, bold: true);
        pen.Text(subtitle, 24, 42, 12, Palette.Muted);
    }

    /// <summary>A person's label: stance-coloured marker, name, role letters; fitted into the width.</summary>
    protected static LabelBox PersonLabel(Pen pen, Stakeholder person, float left, float top, float width, SKColorPair colors)
    {
        const float size = 12;
        const float marker = 12;
        var badge = Palette.Badge(person.Roles);
        var badgeWidth = badge.Length == 0 ? 0 : pen.Measure(badge, 10, bold: true) + 4;
        var name = pen.Fit(person.Name, Math.Max(20, width - marker - badgeWidth), size);
        var nameWidth = pen.Measure(name, size);
        pen.Circle(left + 5, top + 8, 5, colors.Marker);
        pen.Text(name, left + marker, top, size, colors.Text);
        if (badge.Length > 0)
        {
            pen.Text(badge, left + marker + nameWidth + 4, top + 2, 10, colors.Badge, bold: true);
        }

        return new LabelBox(left, top, Math.Min(width, marker + nameWidth + badgeWidth), 16);
    }
}
