using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary>
/// The base of every handler of a command on one map: it looks the map up by the name the command gave and, when
/// missing, builds the "create it?" reply. A private map the asker may not see (<see cref="RequestContext.Sees"/>) is
/// missing here, and never suggested: every command answers about it exactly as about a map that does not exist.
/// </summary>
public abstract class MapCommandHandler(IAccountMapStore store)
{
    /// <summary>The maps, for what a handler reads or writes besides the lookup.</summary>
    protected IAccountMapStore Store => store;

    /// <summary>The map named <paramref name="account"/> as the asker may see it, or the reply saying it is not there.</summary>
    protected Task<(AccountMap? Map, Reply? NotFound)> FindAsync(RequestContext context, string account, CancellationToken cancellationToken) =>
        FindAsync(context, account, seesPrivate: false, cancellationToken);

    /// <param name="seesPrivate">An admin acting on a map (delete, owner, public): private maps are found too.</param>
    protected async Task<(AccountMap? Map, Reply? NotFound)> FindAsync(RequestContext context, string account, bool seesPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var map = await store.FindByNameAsync(context.Workspace, account, cancellationToken);
        if (map is not null && (seesPrivate || context.Sees(map)))
        {
            return (map, null);
        }

        // Candidates are name keys (no map is read, and their number is bounded in a large workspace); only the
        // few closest are then looked up for the names as people wrote them.
        var keys = await store.ListNameCandidatesAsync(context.Workspace, NameKey.Normalize(account), cancellationToken);
        var suggestions = new List<string>();
        foreach (var key in Similarity.Closest(account, keys, k => k))
        {
            if (await store.FindByNameAsync(context.Workspace, key, cancellationToken) is { } similar && (seesPrivate || context.Sees(similar)))
            {
                suggestions.Add(similar.Name);
            }
        }

        return (null, new MapNotFoundView(account, suggestions) { CreateCommand = CommandText.Map(account).Create() });
    }
}
