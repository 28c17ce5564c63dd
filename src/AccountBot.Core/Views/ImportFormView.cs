namespace AccountBot.Core.Views;

/// <summary>
/// <c>map import</c> / <c>map Acme import</c>: a form to paste CSV text into. <see cref="Account"/>
/// is prefilled (and may be fixed) when the command named a map. On submit the platform calls
/// <c>CommandDispatcher.PreviewImportAsync(account, csvText, …)</c>. A rejected submission comes back
/// as this view again with <see cref="Error"/> and the text kept.
/// </summary>
public sealed record ImportFormView(string? Account, int MaxBytes, int MaxRows) : Reply
{
    /// <summary>Field ids the renderers use for the two inputs (and to put an error next to).</summary>
    public const string AccountField = "account";
    public const string CsvField = "csv";

    public string? CsvText { get; init; }

    public string? Error { get; init; }

    /// <summary>Which field <see cref="Error"/> belongs to: <see cref="AccountField"/> or <see cref="CsvField"/>.</summary>
    public string? ErrorField { get; init; }
}
