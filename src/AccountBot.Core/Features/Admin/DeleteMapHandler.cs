using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Admin;

/// <summary>
/// <c>map Acme delete</c>: an admin deletes a map, after a confirm button. The map goes; its history stays with one last
/// entry saying who deleted it and when.
/// </summary>
public sealed class DeleteMapHandler(AdminMapLookup lookup, IAccountMapStore store, TimeProvider time) : ICommandHandler<DeleteMap>
{
    public async Task<Reply> HandleAsync(DeleteMap command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, answer) = await lookup.FindForAdminAsync(context, command.Account, Sentences.AdminWhatDelete, cancellationToken);
        if (map is null)
        {
            return answer!;
        }

        var commands = CommandText.Map(map.Name);
        if (!command.Confirmed)
        {
            return new ConfirmDeleteMapView(map.Id, map.Name, map.Stakeholders.Count)
            {
                ConfirmCommand = commands.Verb("confirm-delete"),
                CancelCommand = commands.Open,
            };
        }

        for (var attempt = 0; attempt < MapEditor.MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(context.Workspace, map.Id, cancellationToken);
            if (current is null)
            {
                return new NoticeView(Tone.Warning, Sentences.AdminMapGone, CommandText.List);
            }

            var stamp = new Stamp(time.GetUtcNow(), context.User);
            var deleted = await store.DeleteAsync(current.Delete(stamp), cancellationToken);
            switch (deleted.Outcome)
            {
                case SaveOutcome.Saved:
                    return new NoticeView(Tone.Success, AdminTexts.Format(Sentences.AdminDeleted, context.User.Name, current.Name), CommandText.List)
                    {
                        // A private map's name is not announced where it could not be seen.
                        Visibility = current.IsPrivate ? ReplyVisibility.OnlyMe : ReplyVisibility.Channel,
                    };
                case SaveOutcome.NotFound:
                    return new NoticeView(Tone.Warning, Sentences.AdminMapGone, CommandText.List);
                default:
                    continue;
            }
        }

        return new NoticeView(Tone.Error, Sentences.MapsBusy);
    }
}
