using AccountBot.Core.Accounts;

namespace AccountBot.Charts;

/// <summary>
/// Where each box of the org chart goes (<see cref="OrgPicture"/> draws them): the reports-to tree layered top-down,
/// several roots side by side and wrapping into rows when wide, a manager's reports without reports of their own
/// stacked in a column. Kept apart from the drawing so the layout can change without touching paint, and back.
/// </summary>
internal static class OrgLayout
{
    private const float NodeHeight = 42;
    internal const float Margin = 24;
    internal const float Top = 150;
    private const float NodeWidth = 170;
    private const float Gap = 18;
    private const float LevelGap = 46;
    private const float StackIndent = 22;
    private const float MaxRowWidth = 2400;

    /// <summary>Places every person of <paramref name="map"/>: boxes and the reports-to lines between them.</summary>
    internal static OrgTree Arrange(AccountMap map)
    {
        var ids = map.Stakeholders.Select(s => s.Id).ToHashSet();
        var reports = map.Stakeholders
            .Where(s => s.ReportsToId is { } boss && ids.Contains(boss) && boss != s.Id)
            .GroupBy(s => s.ReportsToId!.Value)
            .ToDictionary(g => g.Key, g => Picture.Sorted(g).Select(s => s.Id).ToList());
        var roots = Picture.Sorted(map.Stakeholders.Where(s => s.ReportsToId is not { } boss || !ids.Contains(boss) || boss == s.Id)).Select(s => s.Id).ToList();

        // Each person is drawn once, under the first manager that reaches them; data from before the
        // no-cycle rule could still hold a loop, so anyone not reached from a root becomes a root.
        var tree = new Dictionary<Guid, List<Guid>>();
        var reached = new HashSet<Guid>();
        foreach (var root in roots)
        {
            Claim(root, reports, tree, reached);
        }

        foreach (var person in Picture.Sorted(map.Stakeholders))
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
}
