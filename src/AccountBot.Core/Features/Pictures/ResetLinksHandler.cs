using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Pictures;

/// <summary>
/// <c>map Acme links reset</c>: revokes every picture and export link of the map posted so far (the
/// map's link epoch goes up; links carry the epoch they were made in). A map edit like any other,
/// with its history entry, so the channel sees who did it.
/// </summary>
public sealed class ResetLinksHandler(IAccountMapStore store, MapEditor editor) : MapCommandHandler(store), ICommandHandler<ResetLinks>
{
    public async Task<Reply> HandleAsync(ResetLinks command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.ResetLinks(stamp), null, cancellationToken);
        return result.Succeeded
            ? new NoticeView(
                Tone.Success,
                string.Format(CultureInfo.CurrentCulture, Sentences.PicturesLinksReset, context.User.Name, map.Name),
                CommandText.Map(map.Name).Picture(MapPicture.Grid))
            {
                Visibility = ReplyVisibility.Channel,
            }
            : new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
    }
}
