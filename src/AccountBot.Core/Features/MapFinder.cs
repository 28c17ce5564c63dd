using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features;

/// <summary>Looks a map up by the name a command gave; when missing, builds the "create it?" reply.</summary>
public sealed class MapFinder(IAccountMapStore store)
{
    public async Task<(AccountMap? Map, Reply? NotFound)> FindAsync(RequestContext context, string account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var map = await store.FindByNameAsync(context.Workspace, account, cancellationToken);
        if (map is not null)
        {
            return (map, null);
        }

        var names = await store.ListNamesAsync(context.Workspace, cancellationToken);
        var suggestions = Similarity.Closest(account, names, n => n);
        return (null, new MapNotFoundView(account, suggestions) { CreateCommand = $"map {CommandParser.Quote(account)} create" });
    }
}
