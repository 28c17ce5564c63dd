using AccountBot.Core.Accounts;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>
/// The reports-to tree, layered top-down (several roots side by side, wrapping into rows when wide).
/// A manager whose reports have no reports of their own gets them stacked in a column, which keeps
/// wide flat teams readable. Relationship lines are drawn as curves, typed by colour and dash.
/// </summary>
internal sealed class OrgPicture : Picture
{

    public override (int Width, int Height) Size(AccountMap map, Pen pen)
    {
        var tree = OrgLayout.Arrange(map);
        return ((int)Math.Max(1200, tree.Width + (2 * OrgLayout.Margin)), (int)Math.Max(600, OrgLayout.Top + tree.Height + OrgLayout.Margin));
    }

    public override ChartLayout Draw(AccountMap map, Pen pen, int width, int height)
    {
        Title(pen, $"{map.Name} — org chart", "Who reports to whom, and how people relate. Greyed: left the company.");
        Legend(pen);
        var tree = OrgLayout.Arrange(map);
        tree.ShiftRight(Math.Max(0, (width - (2 * OrgLayout.Margin) - tree.Width) / 2));
        foreach (var (from, to) in tree.Lines)
        {
            pen.Line(from.X, from.Y, to.X, to.Y, Palette.Faint, 1.5f);
        }

        var placed = new List<PlacedPerson>();
        foreach (var person in Sorted(map.Stakeholders))
        {
            var box = tree.Boxes[person.Id];
            Node(pen, person, box);
            placed.Add(new PlacedPerson(person.Id, person.Name, box));
        }

        // Relationships go over the boxes (else a line between two people is hidden behind a third),
        // but never over the two boxes they join.
        foreach (var relationship in map.Relationships.OrderBy(r => r.FromId).ThenBy(r => r.ToId))
        {
            if (tree.Boxes.TryGetValue(relationship.FromId, out var from) && tree.Boxes.TryGetValue(relationship.ToId, out var to))
            {
                pen.Canvas.Save();
                pen.Canvas.ClipRect(SKRect.Create(from.Left, from.Top, from.Width, from.Height), SKClipOperation.Difference);
                pen.Canvas.ClipRect(SKRect.Create(to.Left, to.Top, to.Width, to.Height), SKClipOperation.Difference);
                RelationshipCurve(pen, from, to, relationship.Kind);
                pen.Canvas.Restore();
            }
        }

        return new ChartLayout(width, height, placed, new Dictionary<string, LabelBox>(StringComparer.Ordinal), []);
    }

    private static void RelationshipCurve(Pen pen, LabelBox from, LabelBox to, RelationshipKind kind)
    {
        var (x1, y1, x2, y2) = (from.CenterX, from.CenterY, to.CenterX, to.CenterY);
        var dx = x2 - x1;
        var dy = y2 - y1;
        var length = MathF.Max(1, MathF.Sqrt((dx * dx) + (dy * dy)));

        // Bend sideways so lines between neighbours on one level are not hidden behind the boxes.
        var bend = MathF.Min(80, 30 + (length * 0.15f));
        var cx = ((x1 + x2) / 2) - (dy / length * bend);
        var cy = ((y1 + y2) / 2) + (dx / length * bend) - (MathF.Abs(dy) < 1 ? bend : 0);
        var color = Palette.For(kind);
        using var path = new SKPath();
        path.MoveTo(x1, y1);
        path.QuadTo(cx, cy, x2, y2);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.2f, Color = color.WithAlpha(0xD8) };
        using var dash = kind == RelationshipKind.Avoid ? SKPathEffect.CreateDash([7, 5], 0) : null;
        paint.PathEffect = dash;
        pen.Canvas.DrawPath(path, paint);
        if (kind == RelationshipKind.Influences)
        {
            // The arrow tip sits where the curve enters the target's box.
            var (px, py) = (x2, y2);
            for (var t = 1f; t >= 0; t -= 0.01f)
            {
                var u = 1 - t;
                px = (u * u * x1) + (2 * u * t * cx) + (t * t * x2);
                py = (u * u * y1) + (2 * u * t * cy) + (t * t * y2);
                if (px < to.Left || px > to.Right || py < to.Top || py > to.Bottom)
                {
                    break;
                }
            }

            var back = 0.04f;
            var (bx, by) = (((1 - back) * px) + (back * cx), ((1 - back) * py) + (back * cy));
            pen.Arrowhead(bx, by, px, py, color, 12);
        }
    }

    private static void Node(Pen pen, Stakeholder person, LabelBox box)
    {
        var left = !person.IsActive;
        pen.Rect(box, left ? new SKColor(0xF0, 0xF0, 0xF0) : SKColors.White, 6);
        pen.Outline(box, left ? Palette.LeftCompany : Palette.For(person.Stance), left ? 1 : 2, 6);
        var ink = left ? Palette.LeftCompany : Palette.Ink;
        var badge = Palette.Badge(person.Roles);
        var badgeWidth = badge.Length == 0 ? 0 : pen.Measure(badge, 10, bold: true) + 6;
        pen.Text(pen.Fit(person.Name, box.Width - 16 - badgeWidth, 12, bold: true), box.Left + 8, box.Top + 6, 12, ink, bold: true);
        if (badge.Length > 0)
        {
            pen.Text(badge, box.Right - 8, box.Top + 7, 10, left ? Palette.LeftCompany : Palette.Muted, bold: true, SKTextAlign.Right);
        }

        var second = left ? StakeholderText.Display(person.Status) : person.Title ?? string.Empty;
        pen.Text(pen.Fit(second, box.Width - 16, 11), box.Left + 8, box.Top + 24, 11, left ? Palette.LeftCompany : Palette.Muted);
    }

    private static void Legend(Pen pen)
    {
        float x = 24;
        const float top = 72;
        pen.Text("Lines:", x, top, 12, Palette.Ink, bold: true);
        x += 50;
        pen.Line(x, top + 8, x + 30, top + 8, Palette.Faint, 1.5f);
        pen.Text("reports to", x + 36, top, 12, Palette.Ink);
        x += 120;
        foreach (var kind in Enum.GetValues<RelationshipKind>())
        {
            pen.Line(x, top + 8, x + 30, top + 8, Palette.For(kind), 2.2f, dashed: kind == RelationshipKind.Avoid);
            if (kind == RelationshipKind.Influences)
            {
                pen.Arrowhead(x, top + 8, x + 32, top + 8, Palette.For(kind), 10);
            }

            var label = kind switch
            {
                RelationshipKind.Influences => "influences",
                RelationshipKind.Ally => "ally",
                RelationshipKind.Rival => "rival",
                _ => "avoid",
            };
            pen.Text(label, x + 38, top, 12, Palette.Ink);
            x += 60 + pen.Measure(label, 12);
        }

        x += 20;
        pen.Text("Box border: stance", x, top, 12, Palette.Ink, bold: true);
        x += pen.Measure("Box border: stance", 12, bold: true) + 12;
        foreach (var stance in new[] { Stance.Supporter, Stance.Neutral, Stance.Skeptic, Stance.Opponent })
        {
            var label = StakeholderText.Display(stance);
            pen.Outline(new LabelBox(x, top + 1, 22, 14), Palette.For(stance), 2, 3);
            pen.Text(label, x + 28, top, 12, Palette.Ink);
            x += 40 + pen.Measure(label, 12);
        }

        pen.Text("Role letters: DM decision maker · S signer · C champion · I influencer · B blocker · G gatekeeper · U end user", 24, top + 26, 12, Palette.Muted);
    }
}
