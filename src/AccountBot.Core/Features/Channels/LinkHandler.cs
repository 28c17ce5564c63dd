using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Channels;

/// <summary><c>map Acme link|unlink</c>: where the account is discussed and its reminders go.</summary>
public sealed class LinkHandler(IAccountMapStore store, MapEditor editor) : MapCommandHandler(store), ICommandHandler<LinkChannel>, ICommandHandler<UnlinkChannel>
{
    public async Task<Reply> HandleAsync(LinkChannel command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        if (map.LinkedChannels.Any(c => c.Id == context.Channel.Id))
        {
            return new NoticeView(Tone.Info, string.Format(CultureInfo.CurrentCulture, Sentences.ChannelsAlreadyLinked, map.Name));
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.LinkChannel(context.Channel, stamp), null, cancellationToken);
        return result.Succeeded
            ? new NoticeView(Tone.Success, string.Format(CultureInfo.CurrentCulture, Sentences.ChannelsLinked, context.User.Name, map.Name)) { Visibility = ReplyVisibility.Channel }
            : new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    public async Task<Reply> HandleAsync(UnlinkChannel command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        if (map.LinkedChannels.All(c => c.Id != context.Channel.Id))
        {
            return new NoticeView(Tone.Info, string.Format(CultureInfo.CurrentCulture, Sentences.ChannelsNotLinked, map.Name), CommandText.Map(map.Name).Link);
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.UnlinkChannel(context.Channel.Id, stamp), null, cancellationToken);
        return result.Succeeded
            ? new NoticeView(Tone.Success, string.Format(CultureInfo.CurrentCulture, Sentences.ChannelsUnlinked, context.User.Name, map.Name)) { Visibility = ReplyVisibility.Channel }
            : new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
    }
}
