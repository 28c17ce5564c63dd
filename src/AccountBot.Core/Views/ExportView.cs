namespace AccountBot.Core.Views;

/// <summary>
/// <c>map Acme export</c>: the map as a CSV file. Slack uploads <see cref="Content"/> as a file
/// named <see cref="FileName"/>; Teams shows <see cref="DownloadUrl"/> (a signed, expiring link)
/// when the host serves files, else a notice that the export needs the public address set.
/// </summary>
public sealed record ExportView(Guid MapId, string MapName, string FileName, byte[] Content, int Rows) : Reply
{
    public const string ContentType = "text/csv; charset=utf-8";

    public Uri? DownloadUrl { get; init; }
}
