namespace AccountBot.Core.Features.Csv;

/// <summary>A previewed import: its rows, and how many of them did not fit the map at the preview.</summary>
public sealed record PendingImport(Guid MapId, IReadOnlyList<CsvRow> Rows, int DidNotFit, DateTimeOffset Expires);
