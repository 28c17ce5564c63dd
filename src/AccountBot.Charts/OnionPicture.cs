using AccountBot.Core.Accounts;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>
/// The stakeholder onion: four concentric rings (PRODUCT.md), each active person evenly spaced
/// around the middle of their ring, coloured by their first role. Crowded rings use two tracks.
/// </summary>
internal sealed class OnionPicture : Picture
{
    private const int Width = 1200;
    private const int Height = 960;
    private const float CenterX = 470;
    private const float CenterY = 515;
    private const float LabelWidth = 132;

    private const float MaxRadius = 425;
    private const float LegendLeft = 930;

    private static readonly SKColor[] Tints =
    [
        new(0xE8, 0xEA, 0xF6), new(0xEE, 0xF5, 0xEA), new(0xFF, 0xF6, 0xE5), new(0xF4, 0xF5, 0xF7),
    ];

    public override (int Width, int Height) Size(AccountMap map, Pen pen) => (Width, Height);

    public override ChartLayout Draw(AccountMap map, Pen pen, int width, int height)
    {
        var active = map.Stakeholders.Where(s => s.IsActive).ToList();
        Title(pen, $"{map.Name} — stakeholder onion", "Each person sits in the innermost ring any of their roles puts them in.");
        var rings = Enumerable.Range(OnionRing.Innermost, OnionRing.Outermost)
            .Select(ring => Sorted(active.Where(p => OnionRing.For(p.Roles) == ring)).ToList())
            .ToList();
        var radii = Radii(rings.Select(r => r.Count).ToList());
        var regions = new Dictionary<string, LabelBox>(StringComparer.Ordinal);
        for (var ring = OnionRing.Outermost; ring >= OnionRing.Innermost; ring--)
        {
            var r = radii[ring - 1];
            pen.Circle(CenterX, CenterY, r, Tints[ring - 1]);
            pen.Ring(CenterX, CenterY, r, Palette.Faint, 1.5f);
            regions[$"Ring {ring}"] = new LabelBox(CenterX - r, CenterY - r, 2 * r, 2 * r);
        }

        var placed = new List<PlacedPerson>();
        var overflow = new List<Guid>();
        for (var ring = OnionRing.Innermost; ring <= OnionRing.Outermost; ring++)
        {
            PlaceRing(pen, ring == 1 ? 0 : radii[ring - 2], radii[ring - 1], rings[ring - 1], placed, overflow);
        }

        Legend(pen, overflow.Count);
        return new ChartLayout(width, height, placed, regions, overflow);
    }

    /// <summary>Ring radii in proportion to the room their people need, filling the picture.</summary>
    private static float[] Radii(List<int> counts)
    {
        const float labelArea = (LabelWidth + 10) * 22 * 1.2f;
        var radii = new float[counts.Count];
        var previous = 0f;
        for (var i = 0; i < counts.Count; i++)
        {
            var grown = MathF.Sqrt((previous * previous) + (Math.Max(counts[i], 1) * labelArea / MathF.PI));
            radii[i] = Math.Max(grown, previous + (i == 0 ? 70 : 45));
            previous = radii[i];
        }

        var scale = MaxRadius / radii[^1];
        return [.. radii.Select(r => r * scale)];
    }

    /// <summary>
    /// Puts each person as close to their evenly spaced angle as the labels already placed allow:
    /// tries tracks across the ring's band at growing angular distance, keeping the whole label in the band.
    /// </summary>
    private static void PlaceRing(Pen pen, float inner, float outer, List<Stakeholder> people, List<PlacedPerson> placed, List<Guid> overflow)
    {
        var tracks = new List<float>();
        for (var r = inner + 10; r <= outer - 10; r += 16)
        {
            tracks.Add(r);
        }

        if (tracks.Count == 0)
        {
            tracks.Add((inner + outer) / 2);
        }

        // Middle tracks first: they hold the widest labels.
        tracks = [.. tracks.OrderBy(t => MathF.Abs(t - ((inner + outer) / 2)))];
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var badge = Palette.Badge(person.Roles);
            var labelWidth = Math.Min(LabelWidth, pen.Measure(person.Name, 12) + 14 + (badge.Length == 0 ? 0 : pen.Measure(badge, 10, bold: true) + 4));
            var ideal = (-MathF.PI / 2) + (2 * MathF.PI * i / people.Count);
            LabelBox? spot = null;
            if (inner == 0 && people.Count == 1)
            {
                spot = new LabelBox(CenterX - 5, CenterY - 8, labelWidth, 16);
            }

            for (var step = 0; step <= 90 && spot is null; step++)
            {
                foreach (var sign in step == 0 ? new[] { 1 } : [1, -1])
                {
                    var angle = ideal + (sign * step * MathF.PI / 90);
                    foreach (var radius in tracks)
                    {
                        // The marker is the person's place; the label runs to its right and may cross a ring line.
                        var x = CenterX + (radius * MathF.Cos(angle));
                        var y = CenterY + (radius * MathF.Sin(angle));
                        var box = new LabelBox(x - 5, y - 8, labelWidth, 16);
                        if (box.Left >= 8 && box.Right <= LegendLeft - 10 && box.Top >= 66 && box.Bottom <= Height - 6
                            && !placed.Any(p => p.Label.Intersects(Grow(box))))
                        {
                            spot = box;
                            break;
                        }
                    }

                    if (spot is not null)
                    {
                        break;
                    }
                }
            }

            if (spot is not { } found)
            {
                overflow.Add(person.Id);
                continue;
            }

            var drawn = PersonLabel(pen, person, found.Left, found.Top, labelWidth, new(Palette.PrimaryRole(person.Roles), Palette.Ink, Palette.Muted));
            placed.Add(new PlacedPerson(person.Id, person.Name, drawn));
        }
    }

    private static LabelBox Grow(LabelBox box) => new(box.Left - 4, box.Top - 2, box.Width + 8, box.Height + 4);

    private static void Legend(Pen pen, int notShown)
    {
        const float x = LegendLeft;
        var top = 100f;
        pen.Text("Rings", x, top, 14, Palette.Ink, bold: true);
        top += 24;
        for (var ring = OnionRing.Innermost; ring <= OnionRing.Outermost; ring++)
        {
            pen.Rect(new LabelBox(x, top, 16, 16), Tints[ring - 1], 3);
            pen.Outline(new LabelBox(x, top, 16, 16), Palette.Faint, 1, 3);
            pen.Text($"{ring}  {OnionRing.DisplayName(ring)}", x + 24, top + 1, 12, Palette.Ink);
            top += 24;
        }

        top += 16;
        pen.Text("Marker colour: first role", x, top, 14, Palette.Ink, bold: true);
        top += 24;
        foreach (var role in Roles.All)
        {
            top = pen.LegendDot(x, top, Palette.For(role), $"{Palette.Letters(role)}  {Roles.DisplayName(role)}");
        }

        top = pen.LegendDot(x, top, Palette.For(Role.None), "no role");
        if (notShown > 0)
        {
            pen.Text($"+{notShown} more not shown (no room)", x, top + 16, 12, Palette.Ink, bold: true);
        }
    }
}
