using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary><c>map list</c>: the workspace's maps the asker may see here, worst gaps first.</summary>
public sealed class ListMapsHandler(IAccountMapStore store, MapViewFactory views) : ICommandHandler<ListMaps>
{
    /// <summary>How many maps the list shows; the rest are counted.</summary>
    public const int Shown = 25;

    public async Task<Reply> HandleAsync(ListMaps command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A private map is listed only where it can be seen, and not counted elsewhere.
        var maps = (await store.ListAsync(context.Workspace, cancellationToken)).Where(m => context.Sees(m)).ToList();
        var entries = maps
            .Select(m => (Map: m, Gaps: views.Gaps(m)))
            .OrderByDescending(x => CoverageAnalyzer.Severity(x.Gaps))
            .ThenBy(x => x.Map.LastActivity)
            .Take(Shown)
            .Select(x => new MapListEntry(
                x.Map.Name, CommandParser.Quote(x.Map.Name), x.Map.Kind, x.Map.Owner.Name,
                x.Map.Stakeholders.Count(s => s.IsActive), x.Gaps, x.Map.LastActivity))
            .ToList();
        return new MapListView(entries, maps.Count);
    }
}
