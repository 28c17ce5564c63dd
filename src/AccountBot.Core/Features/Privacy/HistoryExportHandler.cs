using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Privacy;

/// <summary><c>map Acme history export</c>: every history entry of the map as CSV, shared the way a map export is.</summary>
public sealed class HistoryExportHandler(IAccountMapStore store, IPictureLinks links) : MapCommandHandler(store), ICommandHandler<ExportHistory>
{
    public async Task<Reply> HandleAsync(ExportHistory command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var entries = await Store.GetHistoryAsync(context.Workspace, map.Id, int.MaxValue, cancellationToken);
        return new ExportView(map.Id, map.Name, HistoryCsvWriter.FileName(map), HistoryCsvWriter.Write(entries), entries.Count)
        {
            DownloadUrl = links.HistoryExportUrl(map),
            Contents = ExportContents.History,
        };
    }
}
