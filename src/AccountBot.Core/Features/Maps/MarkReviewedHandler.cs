using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary><c>map Acme reviewed</c>: records a review now.</summary>
public sealed class MarkReviewedHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views) : MapCommandHandler(store), ICommandHandler<MarkReviewed>
{
    public async Task<Reply> HandleAsync(MarkReviewed command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.MarkReviewed(stamp), null, cancellationToken);
        return SaveReply.From(result, views, $"{context.User.Name} marked {map.Name} reviewed.").Reply;
    }
}
