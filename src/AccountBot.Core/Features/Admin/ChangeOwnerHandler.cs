using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Admin;

/// <summary><c>map Acme owner @user</c>: an admin hands the map to someone else, recorded in its history.</summary>
public sealed class ChangeOwnerHandler(AdminMapLookup lookup, MapEditor editor, MapViewFactory views) : ICommandHandler<ChangeMapOwner>
{
    public async Task<Reply> HandleAsync(ChangeMapOwner command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, answer) = await lookup.FindForAdminAsync(context, command.Account, Sentences.AdminWhatOwner, cancellationToken);
        if (map is null)
        {
            return answer!;
        }

        var owner = command.Owner.ToUser();
        if (string.Equals(map.Owner.Id, owner.Id, StringComparison.Ordinal))
        {
            return views.Build(map, AdminTexts.Format(Sentences.AdminAlreadyOwner, map.Owner.Name, map.Name));
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.ChangeOwner(owner, stamp), null, cancellationToken);
        return result is { Succeeded: true, Map: { } saved }
            ? views.Build(saved, AdminTexts.Format(Sentences.AdminOwnerChanged, context.User.Name, owner.Name, saved.Name))
            : new NoticeView(Tone.Error, string.Join(" ", result.Errors.Select(e => e.Message)));
    }
}
