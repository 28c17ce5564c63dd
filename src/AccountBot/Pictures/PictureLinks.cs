using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using Microsoft.Extensions.Options;

namespace AccountBot.Pictures;

/// <summary>
/// Makes the signed links the core puts on picture and export views:
/// <c>{PublicBaseUrl}/maps/{token}.png</c> (for <c>Pictures:LinkLifetime</c>) and
/// <c>{PublicBaseUrl}/exports/{token}.csv</c> (for <c>PublicLinks:ExportLifetime</c>).
/// Without a public address (or without the font) it makes none and the views show text only.
/// </summary>
internal sealed class PictureLinks(IOptions<PictureOptions> options, LinkTokenCodec codec, PictureAvailability availability, TimeProvider time) : IPictureLinks
{
    public Uri? PictureUrl(AccountMap map, MapPicture picture) =>
        availability.Reason is null ? Link("maps", ".png", map, (LinkKind)(byte)picture, options.Value.LinkLifetime) : null;

    public Uri? ExportUrl(AccountMap map) => Link("exports", ".csv", map, LinkKind.Export, options.Value.ExportLifetime);

    public Uri? HistoryExportUrl(AccountMap map) => Link("exports", ".csv", map, LinkKind.History, options.Value.ExportLifetime);

    private Uri? Link(string folder, string extension, AccountMap map, LinkKind kind, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(map);
        var root = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(root))
        {
            return null;
        }

        var token = new LinkToken(map.Workspace, map.Id, kind, map.Version, map.LinkEpoch, time.GetUtcNow() + lifetime);
        return new Uri($"{root.TrimEnd('/')}/{folder}/{codec.Encode(token)}{extension}");
    }
}
