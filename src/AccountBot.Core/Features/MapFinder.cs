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

        // Candidates are name keys (no map is read, and their number is bounded in a large workspace); only the
        // few closest are then looked up for the names as people wrote them.
        var keys = await store.ListNameCandidatesAsync(context.Workspace, NameKey.Normalize(account), cancellationToken);
        var suggestions = new List<string>();
        foreach (var key in Similarity.Closest(account, keys, k => k))
        {
            if (await store.FindByNameAsync(context.Workspace, key, cancellationToken) is { } similar)
            {
                suggestions.Add(similar.Name);
            }
        }

        return (null, new MapNotFoundView(account, suggestions) { CreateCommand = CommandText.Map(account).Create() });
    }
}
