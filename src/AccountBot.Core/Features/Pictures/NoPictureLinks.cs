using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Features.Pictures;

/// <summary>The default when no host serves files: no links, so views fall back to text.</summary>
public sealed class NoPictureLinks : IPictureLinks
{
    public Uri? PictureUrl(AccountMap map, MapPicture picture) => null;

    public Uri? ExportUrl(AccountMap map) => null;

    public Uri? HistoryExportUrl(AccountMap map) => null;
}
