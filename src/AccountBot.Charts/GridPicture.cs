using AccountBot.Core.Accounts;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>
/// The power/interest 2×2: five columns (interest 1–5) by five rows (power 5–1), the quadrant lines
/// at the configured "high" threshold. People with the same scores are listed inside their cell in
/// one or two columns, never on top of each other; a cell too full ends with "+N more".
/// </summary>
internal sealed class GridPicture(int highThreshold) : Picture
{
    private const int Width = 1200;
    private const int Height = 960;
    private const float PlotLeft = 80;
    private const float PlotTop = 92;
    private const float PlotRight = 1176;
    private const float PlotBottom = 850;
    private const float Row = 17;
    private const float Pad = 5;

    private static readonly float CellWidth = (PlotRight - PlotLeft) / 5;
    private static readonly float CellHeight = (PlotBottom - PlotTop) / 5;

    public override (int Width, int Height) Size(AccountMap map, Pen pen) => (Width, Height);

    public override ChartLayout Draw(AccountMap map, Pen pen, int width, int height)
    {
        var active = map.Stakeholders.Where(s => s.IsActive).ToList();
        Title(pen, $"{map.Name} — power / interest grid", $"{active.Count} active stakeholder{(active.Count == 1 ? string.Empty : "s")}. High = {highThreshold}–5 on each axis.");

        var regions = new Dictionary<string, LabelBox>(StringComparer.Ordinal);
        var splitX = PlotLeft + ((highThreshold - 1) * CellWidth);
        var splitY = PlotTop + ((5 - highThreshold + 1) * CellHeight);
        var quadrants = new (GridQuadrant Quadrant, LabelBox Box, SKColor Tint, bool Top)[]
        {
            (GridQuadrant.KeepSatisfied, new(PlotLeft, PlotTop, splitX - PlotLeft, splitY - PlotTop), new(0xFF, 0xF6, 0xE5), true),
            (GridQuadrant.ManageClosely, new(splitX, PlotTop, PlotRight - splitX, splitY - PlotTop), new(0xFD, 0xEC, 0xEC), true),
            (GridQuadrant.Monitor, new(PlotLeft, splitY, splitX - PlotLeft, PlotBottom - splitY), new(0xF4, 0xF5, 0xF7), false),
            (GridQuadrant.KeepInformed, new(splitX, splitY, PlotRight - splitX, PlotBottom - splitY), new(0xEA, 0xF4, 0xFB), false),
        };
        foreach (var (quadrant, box, tint, top) in quadrants)
        {
            var name = PowerInterestGrid.DisplayName(quadrant);
            regions[name] = box;
            pen.Rect(box, tint);
            pen.Text(name, box.CenterX, top ? PlotTop - 22 : PlotBottom + 6, 15, Palette.Ink, bold: true, SKTextAlign.Center);
        }

        for (var i = 1; i < 5; i++)
        {
            pen.Line(PlotLeft + (i * CellWidth), PlotTop, PlotLeft + (i * CellWidth), PlotBottom, Palette.Faint);
            pen.Line(PlotLeft, PlotTop + (i * CellHeight), PlotRight, PlotTop + (i * CellHeight), Palette.Faint);
        }

        pen.Outline(new LabelBox(PlotLeft, PlotTop, PlotRight - PlotLeft, PlotBottom - PlotTop), Palette.Muted, 1.5f);
        pen.Line(splitX, PlotTop, splitX, PlotBottom, Palette.Ink, 2);
        pen.Line(PlotLeft, splitY, PlotRight, splitY, Palette.Ink, 2);
        Axes(pen);

        var placed = new List<PlacedPerson>();
        var overflow = new List<Guid>();
        foreach (var cell in active.GroupBy(p => (p.Power, p.Interest)).OrderByDescending(g => g.Key.Power).ThenBy(g => g.Key.Interest))
        {
            PlaceCell(pen, cell.Key.Power, cell.Key.Interest, [.. Sorted(cell)], placed, overflow);
        }

        Legend(pen);
        return new ChartLayout(width, height, placed, regions, overflow);
    }

    /// <summary>The box of the cell for a power and an interest score.</summary>
    public static LabelBox Cell(int power, int interest) =>
        new(PlotLeft + ((interest - 1) * CellWidth), PlotTop + ((5 - power) * CellHeight), CellWidth, CellHeight);

    private static void PlaceCell(Pen pen, int power, int interest, List<Stakeholder> people, List<PlacedPerson> placed, List<Guid> overflow)
    {
        var cell = Cell(Math.Clamp(power, 1, 5), Math.Clamp(interest, 1, 5));
        var rows = (int)((cell.Height - (2 * Pad)) / Row);
        var columns = people.Count <= rows ? 1 : 2;
        var slots = rows * columns;

        // Balance two columns (6 + 6 rather than 8 + 4) so a dense cell reads as one block.
        rows = people.Count <= slots ? (people.Count + columns - 1) / columns : rows;
        var shown = people.Count <= slots ? people.Count : slots - 1;
        var columnWidth = (cell.Width - (2 * Pad) - ((columns - 1) * 2)) / columns;
        for (var i = 0; i < shown; i++)
        {
            var person = people[i];
            var left = cell.Left + Pad + ((i / rows) * (columnWidth + 2));
            var top = cell.Top + Pad + ((i % rows) * Row);
            var box = PersonLabel(pen, person, left, top, columnWidth, new(Palette.For(person.Stance), Palette.Ink, Palette.Muted));
            placed.Add(new PlacedPerson(person.Id, person.Name, box));
        }

        if (shown < people.Count)
        {
            var left = cell.Left + Pad + (((slots - 1) / rows) * (columnWidth + 2));
            var top = cell.Top + Pad + (((slots - 1) % rows) * Row);
            pen.Text($"+{people.Count - shown} more", left + 12, top, 12, Palette.Muted, bold: true);
            overflow.AddRange(people.Skip(shown).Select(p => p.Id));
        }
    }

    private static void Axes(Pen pen)
    {
        for (var score = 1; score <= 5; score++)
        {
            var score1 = score.ToString(System.Globalization.CultureInfo.InvariantCulture);
            pen.Text(score1, PlotLeft + ((score - 0.5f) * CellWidth), PlotBottom + 28, 12, Palette.Muted, align: SKTextAlign.Center);
            pen.Text(score1, PlotLeft - 10, PlotTop + ((5 - score + 0.5f) * CellHeight) - 7, 12, Palette.Muted, align: SKTextAlign.Right);
        }

        pen.Text("Interest (how much the decision matters to them) →", (PlotLeft + PlotRight) / 2, PlotBottom + 46, 13, Palette.Ink, bold: true, SKTextAlign.Center);
        pen.Canvas.Save();
        pen.Canvas.RotateDegrees(-90, 30, (PlotTop + PlotBottom) / 2);
        pen.Text("Power (influence on the decision) →", 30, ((PlotTop + PlotBottom) / 2) - 8, 13, Palette.Ink, bold: true, SKTextAlign.Center);
        pen.Canvas.Restore();
    }

    private static void Legend(Pen pen)
    {
        float x = 24;
        const float top = 930;
        pen.Text("Stance:", x, top, 12, Palette.Ink, bold: true);
        x += 56;
        foreach (var stance in new[] { Stance.Supporter, Stance.Neutral, Stance.Skeptic, Stance.Opponent })
        {
            var label = StakeholderText.Display(stance);
            pen.LegendDot(x, top - 2, Palette.For(stance), label);
            x += 26 + pen.Measure(label, 12);
        }

        x += 24;
        pen.Text("Roles:", x, top, 12, Palette.Ink, bold: true);
        x += 46;
        foreach (var role in Roles.All)
        {
            var letters = Palette.Letters(role);
            pen.Text(letters, x, top + 1, 10, Palette.Muted, bold: true);
            x += pen.Measure(letters, 10, bold: true) + 4;
            var label = Roles.DisplayName(role).ToLowerInvariant();
            pen.Text(label, x, top, 12, Palette.Ink);
            x += pen.Measure(label, 12) + 14;
        }
    }
}
