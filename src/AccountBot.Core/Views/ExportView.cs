using AccountBot.Core.Features.Privacy;

namespace AccountBot.Core.Views;

/// <summary>
/// <c>map Acme export</c> (the map as a CSV file) and <c>map Acme history export</c> (its history, every entry). Slack uploads <see cref="Content"/> as a file
/// named <see cref="FileName"/>; Teams shows <see cref="DownloadUrl"/> (a signed, expiring link)
/// when the host serves files, else a notice that the export needs the public address set.
/// </summary>
public sealed record ExportView(Guid MapId, string MapName, string FileName, byte[] Content, int Rows) : Reply
{
    public const string ContentType = "text/csv; charset=utf-8";

    public Uri? DownloadUrl { get; init; }

    public ExportContents Contents { get; init; } = ExportContents.People;

    /// <summary>"3 people" or "12 changes": what <see cref="Rows"/> counts.</summary>
    public string RowsText => Contents == ExportContents.History ? PrivacyTexts.Changes(Rows) : PrivacyTexts.People(Rows);

    /// <summary>What was exported, as a message names it: "Acme", or "Acme history".</summary>
    public string Subject => Contents == ExportContents.History ? PrivacyTexts.HistoryExportTitle(MapName) : MapName;

    /// <summary>The file's title where it is shared, e.g. "Acme stakeholders".</summary>
    public string Title => Contents == ExportContents.History ? PrivacyTexts.HistoryExportTitle(MapName) : PrivacyTexts.StakeholdersTitle(MapName);
}
