using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Channels;

/// <summary><c>map Acme link|unlink</c>: where the account is discussed and its reminders go.</summary>
public sealed class LinkHandler(MapFinder finder, MapEditor editor) : ICommandHandler<LinkChannel>, ICommandHandler<UnlinkChannel>
{
    public async Task<Reply> HandleAsync(LinkChannel command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await finder.FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        if (map.LinkedChannels.Any(c => c.Id == context.Channel.Id))
        {
            return new NoticeView(Tone.Info, $"{map.Name} is already linked to this channel.");
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.LinkChannel(context.Channel, stamp), null, cancellationToken);
        return result.Succeeded
            ? new NoticeView(Tone.Success, $"{context.User.Name} linked {map.Name} to this channel: its weekly reminders will come here.") { Visibility = ReplyVisibility.Channel }
            : new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public async Task<Reply> HandleAsync(UnlinkChannel command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await finder.FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        if (map.LinkedChannels.All(c => c.Id != context.Channel.Id))
        {
            return new NoticeView(Tone.Info, $"{map.Name} is not linked to this channel.", CommandText.Map(map.Name).Link);
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.UnlinkChannel(context.Channel.Id, stamp), null, cancellationToken);
        return result.Succeeded
            ? new NoticeView(Tone.Success, $"{context.User.Name} unlinked {map.Name} from this channel: no more reminders about it here.") { Visibility = ReplyVisibility.Channel }
            : new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
    }
}
