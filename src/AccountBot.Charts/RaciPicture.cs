using AccountBot.Core.Accounts;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>The RACI table: one row per person (people who left greyed), a mark in their R/A/C/I column.</summary>
internal sealed class RaciPicture : Picture
{
    private const int Width = 1100;
    private const float Top = 80;
    private const float RowHeight = 24;
    private const float NameLeft = 24;
    private const float TitleLeft = 340;
    private const float MarksLeft = 680;
    private const float MarkWidth = 100;

    private static readonly Raci[] Columns = [Raci.Responsible, Raci.Accountable, Raci.Consulted, Raci.Informed];

    public override (int Width, int Height) Size(AccountMap map, Pen pen) =>
        (Width, (int)Math.Max(300, Top + ((map.Stakeholders.Count + 1) * RowHeight) + 40));

    public override ChartLayout Draw(AccountMap map, Pen pen, int width, int height)
    {
        Title(pen, $"{map.Name} — RACI for the purchase decision", "R responsible · A accountable · C consulted · I informed. Greyed: no longer active.");
        var regions = new Dictionary<string, LabelBox>(StringComparer.Ordinal);
        var tableHeight = (map.Stakeholders.Count + 1) * RowHeight;
        pen.Rect(new LabelBox(NameLeft - 8, Top, width - (2 * (NameLeft - 8)), RowHeight), new SKColor(0xEC, 0xEF, 0xF3));
        pen.Text("Name", NameLeft, Top + 5, 12, Palette.Ink, bold: true);
        pen.Text("Title", TitleLeft, Top + 5, 12, Palette.Ink, bold: true);
        for (var c = 0; c < Columns.Length; c++)
        {
            var column = new LabelBox(MarksLeft + (c * MarkWidth), Top, MarkWidth, tableHeight);
            regions[Columns[c].ToString()] = column;
            pen.Text(Columns[c].ToString(), column.CenterX, Top + 5, 12, Palette.Ink, bold: true, SKTextAlign.Center);
        }

        var placed = new List<PlacedPerson>();
        var row = 1;
        foreach (var person in Sorted(map.Stakeholders))
        {
            var top = Top + (row * RowHeight);
            if (row % 2 == 0)
            {
                pen.Rect(new LabelBox(NameLeft - 8, top, width - (2 * (NameLeft - 8)), RowHeight), new SKColor(0xF7, 0xF8, 0xFA));
            }

            var ink = person.IsActive ? Palette.Ink : Palette.LeftCompany;
            var name = pen.Fit(person.Name, TitleLeft - NameLeft - 16, 12);
            pen.Text(name, NameLeft, top + 5, 12, ink);
            placed.Add(new PlacedPerson(person.Id, person.Name, new LabelBox(NameLeft, top + 4, pen.Measure(name, 12), 16)));
            pen.Text(pen.Fit(person.Title ?? string.Empty, MarksLeft - TitleLeft - 16, 12), TitleLeft, top + 5, 12, person.IsActive ? Palette.Muted : Palette.LeftCompany);
            var index = Array.IndexOf(Columns, person.Raci);
            if (index >= 0)
            {
                var x = MarksLeft + (index * MarkWidth) + (MarkWidth / 2);
                pen.Circle(x, top + (RowHeight / 2), 9, person.IsActive ? Palette.For(person.Raci) : Palette.LeftCompany);
                pen.Text(person.Raci.ToString()[..1], x, top + 5, 12, SKColors.White, bold: true, SKTextAlign.Center);
            }

            row++;
        }

        for (var c = 0; c <= Columns.Length; c++)
        {
            pen.Line(MarksLeft + (c * MarkWidth), Top, MarksLeft + (c * MarkWidth), Top + tableHeight, Palette.Faint);
        }

        if (map.Stakeholders.Count == 0)
        {
            pen.Text("No stakeholders yet.", NameLeft, Top + RowHeight + 8, 12, Palette.Muted);
        }

        return new ChartLayout(width, height, placed, regions, []);
    }
}
