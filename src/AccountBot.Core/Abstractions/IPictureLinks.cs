using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Abstractions;

/// <summary>
/// Signed, expiring links to a map's files (its pictures and its CSV export), made by the host that
/// serves them; a link names the map's version and link epoch at the time, so <c>links reset</c>
/// revokes it. Null when the host cannot serve files (no public address configured): the views
/// then show their text alone, and the platforms deliver exports as they can.
/// </summary>
public interface IPictureLinks
{
    Uri? PictureUrl(AccountMap map, MapPicture picture);

    Uri? ExportUrl(AccountMap map);

    /// <summary>The map's history as CSV (<c>map Acme history export</c>).</summary>
    Uri? HistoryExportUrl(AccountMap map);
}
