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
    private const float NodeWidth = 170;
    private const float NodeHeight = 42;
    private const float Gap = 18;
    private const float LevelGap = 46;
    private const float StackIndent = 22;
    private const float Margin = 24;
    private const float Top = 150;
    private const float MaxRowWidth = 2400;

    public override (int Width, int Height) Size(AccountMap map, Pen pen)
    {
        var tree = Arrange(map);
        return ((int)Math.Max(1200, tree.Width + (2 * Margin)), (int)Math.Max(600, Top + tree.Height + Margin));
    }

    public override ChartLayout Draw(AccountMap map, Pen pen, int width, int height)
    {
        Title(pen, $"{map.Name} — org chart", "Who reports to whom, and how people relate. Greyed: left the company.");
        Legend(pen);
        var tree = Arrange(map);
        tree.ShiftRight(Math.Max(0, (width - (2 * Margin) - tree.Width) / 2));
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

    private static OrgTree Arrange(AccountMap map)
    {
        var ids = map.Stakeholders.Select(s => s.Id).ToHashSet();
        var reports = map.Stakeholders
            .Where(s => s.ReportsToId is { } boss && ids.Contains(boss) && boss != s.Id)
            .GroupBy(s => s.ReportsToId!.Value)
            .ToDictionary(g => g.Key, g => Sorted(g).Select(s => s.Id).ToList());
        var roots = Sorted(map.Stakeholders.Where(s => s.ReportsToId is not { } boss || !ids.Contains(boss) || boss == s.Id)).Select(s => s.Id).ToList();

        // Each person is drawn once, under the first manager that reaches them; data from before the
        // no-cycle rule could still hold a loop, so anyone not reached from a root becomes a root.
        var tree = new Dictionary<Guid, List<Guid>>();
        var reached = new HashSet<Guid>();
        foreach (var root in roots)
        {
            Claim(root, reports, tree, reached);
        }

        foreach (var person in Sorted(map.Stakeholders))
        {
            if (!reached.Contains(person.Id))
            {
                roots.Add(person.Id);
                Claim(person.Id, reports, tree, reached);
            }
        }

        var sizes = new Dictionary<Guid, (float W, float H)>();
        foreach (var root in roots)
        {
            Measure(root, tree, sizes);
        }

        var result = new OrgTree();
        float x = Margin, y = Top, rowHeight = 0;
        foreach (var root in roots)
        {
            var (w, h) = sizes[root];
            if (x > Margin && x + w > MaxRowWidth)
            {
                x = Margin;
                y += rowHeight + LevelGap;
                rowHeight = 0;
            }

            Place(root, x, y, tree, sizes, result);
            x += w + Gap;
            rowHeight = Math.Max(rowHeight, h);
            result.Width = Math.Max(result.Width, x - Gap);
        }

        result.Height = y + rowHeight - Top;
        return result;
    }

    private static void Claim(Guid id, Dictionary<Guid, List<Guid>> reports, Dictionary<Guid, List<Guid>> tree, HashSet<Guid> reached)
    {
        reached.Add(id);
        var kids = new List<Guid>();
        tree[id] = kids;
        foreach (var kid in reports.GetValueOrDefault(id) ?? [])
        {
            if (!reached.Contains(kid))
            {
                kids.Add(kid);
                Claim(kid, reports, tree, reached);
            }
        }
    }

    /// <summary>Reports without reports of their own are stacked in one column; the others side by side.</summary>
    private static (List<Guid> Branches, List<Guid> Leaves) Split(Guid id, Dictionary<Guid, List<Guid>> tree) =>
        (tree[id].Where(k => tree[k].Count > 0).ToList(), tree[id].Where(k => tree[k].Count == 0).ToList());

    private static float StackHeight(int count) => count * (NodeHeight + 10);

    private static (float W, float H) Measure(Guid id, Dictionary<Guid, List<Guid>> tree, Dictionary<Guid, (float W, float H)> sizes)
    {
        var (branches, leaves) = Split(id, tree);
        (float W, float H) size;
        if (branches.Count == 0)
        {
            size = leaves.Count == 0 ? (NodeWidth, NodeHeight) : (NodeWidth + StackIndent, NodeHeight + 16 + StackHeight(leaves.Count));
        }
        else
        {
            var columns = branches.Select(b => Measure(b, tree, sizes)).ToList();
            if (leaves.Count > 0)
            {
                columns.Add((NodeWidth + StackIndent, StackHeight(leaves.Count)));
            }

            var span = columns.Sum(c => c.W) + (Gap * (columns.Count - 1));
            size = (Math.Max(NodeWidth, span), NodeHeight + LevelGap + columns.Max(c => c.H));
        }

        sizes[id] = size;
        return size;
    }

    private static void Place(Guid id, float left, float top, Dictionary<Guid, List<Guid>> tree, Dictionary<Guid, (float W, float H)> sizes, OrgTree result)
    {
        var size = sizes[id];
        var (branches, leaves) = Split(id, tree);
        if (branches.Count == 0)
        {
            var box = new LabelBox(left, top, NodeWidth, NodeHeight);
            result.Boxes[id] = box;
            Stack(leaves, left, box.Bottom, top + NodeHeight + 16, result);
            return;
        }

        var span = branches.Sum(b => sizes[b].W) + (leaves.Count > 0 ? NodeWidth + StackIndent + Gap : 0) + (Gap * (branches.Count - 1));
        var parent = new LabelBox(left + ((size.W - NodeWidth) / 2), top, NodeWidth, NodeHeight);
        result.Boxes[id] = parent;
        var bus = parent.Bottom + (LevelGap / 2);
        var childTop = top + NodeHeight + LevelGap;
        var x = left + ((size.W - span) / 2);
        var busLeft = parent.CenterX;
        var busRight = parent.CenterX;
        result.Lines.Add(((parent.CenterX, parent.Bottom), (parent.CenterX, bus)));
        foreach (var branch in branches)
        {
            Place(branch, x, childTop, tree, sizes, result);
            var child = result.Boxes[branch];
            result.Lines.Add(((child.CenterX, bus), (child.CenterX, child.Top)));
            busLeft = Math.Min(busLeft, child.CenterX);
            busRight = Math.Max(busRight, child.CenterX);
            x += sizes[branch].W + Gap;
        }

        if (leaves.Count > 0)
        {
            var spine = x + (StackIndent / 2);
            busLeft = Math.Min(busLeft, spine);
            busRight = Math.Max(busRight, spine);
            Stack(leaves, x, bus, childTop, result);
        }

        result.Lines.Add(((busLeft, bus), (busRight, bus)));
    }

    /// <summary>A column of reports: a spine from <paramref name="from"/> down, one tick to each box.</summary>
    private static void Stack(List<Guid> leaves, float left, float from, float top, OrgTree result)
    {
        if (leaves.Count == 0)
        {
            return;
        }

        var spine = left + (StackIndent / 2);
        var y = top;
        foreach (var leaf in leaves)
        {
            var box = new LabelBox(left + StackIndent, y, NodeWidth, NodeHeight);
            result.Boxes[leaf] = box;
            result.Lines.Add(((spine, box.CenterY), (box.Left, box.CenterY)));
            y += NodeHeight + 10;
        }

        result.Lines.Add(((spine, from), (spine, result.Boxes[leaves[^1]].CenterY)));
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
