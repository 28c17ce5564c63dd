using AccountBot.Charts;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace AccountBot.Pictures;

/// <summary>
/// <c>GET /maps/{token}.png</c> and <c>GET /exports/{token}.csv</c> (the people, or the history). The map is loaded with the
/// workspace inside the signed token, so a link can only ever reach its own workspace's map.
/// A link shows the map as it is now (a token's version only tells which picture was current when
/// it was posted): old messages keep working after edits instead of turning into broken images.
/// A link made before the map's last <c>links reset</c> (an older link epoch) answers 404, as an
/// expired or unknown one does.
/// </summary>
internal static class PictureEndpoints
{
    public static IEndpointRouteBuilder MapPictureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/maps/{token}.png", PictureAsync).ExcludeFromDescription();
        app.MapGet("/exports/{token}.csv", ExportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> PictureAsync(
        string token, HttpContext http, LinkTokenCodec codec, IAccountMapStore store, MapPictureRenderer renderer, IMemoryCache cache, CancellationToken cancellationToken)
    {
        // Plain null and kind checks rather than property patterns, so that mutation testing can change each one.
        var link = codec.Decode(token);
        if (link is null || link.Kind > LinkKind.Raci)
        {
            return TypedResults.NotFound();
        }

        var map = await MapAsync(link, store, cancellationToken);
        if (map is null)
        {
            return TypedResults.NotFound();
        }

        var picture = (MapPicture)(byte)link.Kind;
        var etag = $"\"{map.Id:N}-{map.Version}-{picture}\"".ToLowerInvariant();
        NoStoreInSharedCaches(http, etag);
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var png = await cache.GetOrCreateAsync((link.Workspace.Value, map.Id, map.Version, picture), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return Task.FromResult(renderer.Render(map, picture).Png);
        });
        return TypedResults.File(png!, "image/png");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        string token, HttpContext http, LinkTokenCodec codec, IAccountMapStore store, CancellationToken cancellationToken)
    {
        var link = codec.Decode(token);
        if (link is null || (link.Kind != LinkKind.Export && link.Kind != LinkKind.History))
        {
            return TypedResults.NotFound();
        }

        var map = await MapAsync(link, store, cancellationToken);
        if (map is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (link.Kind == LinkKind.History)
        {
            // Read when the link is followed, so an erase after the link was posted is honoured too.
            var entries = await store.GetHistoryAsync(link.Workspace, map.Id, int.MaxValue, cancellationToken);
            return TypedResults.File(HistoryCsvWriter.Write(entries), ExportView.ContentType, HistoryCsvWriter.FileName(map));
        }

        return TypedResults.File(StakeholderCsvWriter.Write(map), ExportView.ContentType, StakeholderCsvWriter.FileName(map));
    }

    /// <summary>The link's map, unless the link was revoked since it was made.</summary>
    private static async Task<AccountMap?> MapAsync(LinkToken link, IAccountMapStore store, CancellationToken cancellationToken)
    {
        var map = await store.GetAsync(link.Workspace, link.MapId, cancellationToken);
        return map is not null && map.LinkEpoch == link.Epoch ? map : null;
    }

    /// <summary>Chat clients fetch and cache the image themselves; shared caches must not keep a customer's map.</summary>
    private static void NoStoreInSharedCaches(HttpContext http, string etag)
    {
        http.Response.Headers.CacheControl = "private, max-age=300";
        http.Response.Headers[HeaderNames.ETag] = etag;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
    }
}
