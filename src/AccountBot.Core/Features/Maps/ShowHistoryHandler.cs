using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary><c>map Acme history</c>: the latest changes, newest first.</summary>
public sealed class ShowHistoryHandler(IAccountMapStore store) : MapCommandHandler(store), ICommandHandler<ShowHistory>
{
    public const int Limit = 20;

    public async Task<Reply> HandleAsync(ShowHistory command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var entries = await Store.GetHistoryAsync(context.Workspace, map.Id, Limit, cancellationToken);
        return new HistoryView(map.Name, CommandParser.Quote(map.Name), entries);
    }
}
