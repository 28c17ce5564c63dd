using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary>
/// Looks a map up by the name a command gave; when missing, builds the "create it?" reply. A private map the asker may
/// not see (<see cref="AccountMap.IsVisibleTo"/>) is missing here, and never suggested: every command answers about it
/// exactly as about a map that does not exist.
/// </summary>
public sealed class MapFinder(IAccountMapStore store)
{
    public Task<(AccountMap? Map, Reply? NotFound)> FindAsync(RequestContext context, string account, CancellationToken cancellationToken) =>
        FindAsync(context, account, seesPrivate: false, cancellationToken);

    /// <param name="seesPrivate">An admin acting on a map (delete, owner, public): private maps are found too.</param>
    public async Task<(AccountMap? Map, Reply? NotFound)> FindAsync(RequestContext context, string account, bool seesPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var map = await store.FindByNameAsync(context.Workspace, account, cancellationToken);
        if (map is not null && (seesPrivate || Sees(context, map)))
        {
            return (map, null);
        }

        // Candidates are name keys (no map is read, and their number is bounded in a large workspace); only the
        // few closest are then looked up for the names as people wrote them.
        var keys = await store.ListNameCandidatesAsync(context.Workspace, NameKey.Normalize(account), cancellationToken);
        var suggestions = new List<string>();
        foreach (var key in Similarity.Closest(account, keys, k => k))
        {
            if (await store.FindByNameAsync(context.Workspace, key, cancellationToken) is { } similar && (seesPrivate || Sees(context, similar)))
            {
                suggestions.Add(similar.Name);
            }
        }

        return (null, new MapNotFoundView(account, suggestions) { CreateCommand = CommandText.Map(account).Create() });
    }

    /// <summary>Whether the asker may see <paramref name="map"/> where they ask.</summary>
    public static bool Sees(RequestContext context, AccountMap map)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(map);
        return map.IsVisibleTo(context.User.Id, context.Channel.Id);
    }
}
