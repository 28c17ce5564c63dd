using AccountBot.Core.Abstractions;
using AccountBot.Core.Caching;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary>
/// <c>map Acme</c>: the map card, or the offer to create it with near matches. The card is built once per map version
/// and minute and kept in the rendered-output cache under its <see cref="Reply.CacheKey"/>, so each platform's drawing
/// of it is kept too (the hot path: most requests read a map nobody changed). It holds nothing for one user, so its key
/// names no viewer.
/// </summary>
public sealed class ShowMapHandler(IAccountMapStore store, MapViewFactory views, RenderedOutputCache cache) : MapCommandHandler(store), ICommandHandler<ShowMap>
{
    public async Task<Reply> HandleAsync(ShowMap command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
            return notFound!;
        var key = cache.KeyOf(map.Id, map.Version, ViewKinds.MapCard, viewer: null);
        return cache.GetOrAdd(new RenderKey(RenderKey.Core, key), () => views.Build(map) with { Visibility = ReplyVisibility.Channel, CacheKey = key });
    }
}
