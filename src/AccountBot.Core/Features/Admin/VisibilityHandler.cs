using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Admin;

/// <summary><c>map Acme private</c> / <c>map Acme public</c>: by the map's owner or an admin, recorded in its history.</summary>
public sealed class VisibilityHandler(AdminMapLookup lookup, MapEditor editor, MapViewFactory views) : ICommandHandler<SetMapVisibility>
{
    public async Task<Reply> HandleAsync(SetMapVisibility command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound, isAdmin) = await lookup.FindWithRoleAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        if (!isAdmin && !string.Equals(map.Owner.Id, context.User.Id, StringComparison.Ordinal))
        {
            var (platform, workspaceAdmins) = lookup.Gate.WhoMay(context);
            return new NoticeView(Tone.Warning, AdminTexts.OnlyOwnerOrAdmin(map.Name, map.Owner.Name, platform, workspaceAdmins));
        }

        var makePrivate = command.Visibility == MapVisibility.Private;
        if (map.Visibility == command.Visibility)
        {
            return views.Build(map, AdminTexts.Format(makePrivate ? Sentences.AdminAlreadyPrivate : Sentences.AdminAlreadyPublic, map.Name));
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.SetVisibility(command.Visibility, stamp), null, cancellationToken);
        if (result is not { Succeeded: true, Map: { } saved })
        {
            return new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var notice = makePrivate
            ? AdminTexts.Format(Sentences.AdminMadePrivate, context.User.Name, saved.Name, saved.LinkedChannels.Count, saved.Owner.Name)
            : AdminTexts.Format(Sentences.AdminMadePublic, context.User.Name, saved.Name);
        return views.Build(saved, notice);
    }
}
