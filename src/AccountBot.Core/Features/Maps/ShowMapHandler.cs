using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary><c>map Acme</c>: the map card, or the offer to create it with near matches.</summary>
public sealed class ShowMapHandler(IAccountMapStore store, SharedMapViews views) : MapCommandHandler(store), ICommandHandler<ShowMap>
{
    public async Task<Reply> HandleAsync(ShowMap command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        return map is null ? notFound! : views.For(map);
    }
}
