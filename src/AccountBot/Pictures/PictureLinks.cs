using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using Microsoft.Extensions.Options;

namespace AccountBot.Pictures;

/// <summary>
/// Makes the signed links the core puts on picture and export views:
/// <c>{PublicBaseUrl}/maps/{token}.png</c> and <c>{PublicBaseUrl}/exports/{token}.csv</c>.
/// Without a public address (or without the font) it makes none and the views show text only.
/// </summary>
internal sealed class PictureLinks(IOptions<PictureOptions> options, LinkTokenCodec codec, PictureAvailability availability, TimeProvider time) : IPictureLinks
{
    public Uri? PictureUrl(WorkspaceKey workspace, Guid mapId, int version, MapPicture picture) =>
        availability.Reason is null ? Link("maps", ".png", new LinkToken(workspace, mapId, (LinkKind)(byte)picture, version, Expiry())) : null;

    public Uri? ExportUrl(WorkspaceKey workspace, Guid mapId, int version) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : Link("exports", ".csv", new LinkToken(workspace, mapId, LinkKind.Export, version, Expiry()));

    private DateTimeOffset Expiry() => time.GetUtcNow() + options.Value.LinkLifetime;

    private Uri? Link(string folder, string extension, LinkToken token)
    {
        var root = options.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(root) ? null : new Uri($"{root.TrimEnd('/')}/{folder}/{codec.Encode(token)}{extension}");
    }
}
