using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// The rows of a pasted CSV, the rows that could not be read (by line), and the columns ignored.
/// <see cref="FileError"/> is set when the text as a whole is unusable; then there are no rows.
/// </summary>
public sealed record CsvParseResult(
    IReadOnlyList<CsvRow> Rows,
    IReadOnlyList<ImportLine> Errors,
    IReadOnlyList<string> IgnoredColumns,
    string? FileError)
{
    public static CsvParseResult Fail(string error) => new([], [], [], error);
}
