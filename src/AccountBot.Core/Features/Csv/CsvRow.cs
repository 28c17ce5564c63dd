namespace AccountBot.Core.Features.Csv;

/// <summary>One data row of an import: the line it starts on and its cells by field (absent columns absent).</summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<CsvColumn, string> Cells)
{
    public string? this[CsvColumn column] => Cells.TryGetValue(column, out var value) ? value : null;

    public bool Has(CsvColumn column) => Cells.ContainsKey(column);
}
