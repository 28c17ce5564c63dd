using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary>
/// The map card as <c>map Acme</c> shows it to the channel, built once per map version and minute and kept in the
/// rendered-output cache under its <see cref="Reply.CacheKey"/>, so each platform's drawing of it is kept too (the
/// hot path: most requests read a map nobody changed). It holds nothing for one user, so its key names no viewer.
/// </summary>
public sealed class SharedMapViews(MapViewFactory views, RenderedOutputCache cache)
{
    public MapView For(AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var key = cache.KeyOf(map.Id, map.Version, ViewKinds.MapCard, viewer: null);
        return cache.GetOrAdd(new RenderKey(RenderKey.Core, key), () => views.Build(map) with { Visibility = ReplyVisibility.Channel, CacheKey = key });
    }
}
