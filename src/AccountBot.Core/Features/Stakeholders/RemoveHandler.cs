using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.People;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary><c>map Acme remove &lt;person&gt;</c>: asks first, then removes (history keeps them).</summary>
public sealed class RemoveHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views) : MapCommandHandler(store), ICommandHandler<RemoveStakeholder>
{
    public async Task<Reply> HandleAsync(RemoveStakeholder command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, command.Account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var commands = CommandText.Map(map.Name);
        var match = PersonMatcher.Match(map, command.Person);
        if (match.Person is not { } person)
        {
            return PersonReplies.NotUnique(map, command.Person, match, commands.Remove);
        }

        if (!command.Confirmed)
        {
            return new ConfirmRemoveView(map.Id, map.Name, person.Id, person.Name)
            {
                ConfirmCommand = commands.ConfirmRemove(PersonRef.ForId(person.Id)),
            };
        }

        var result = await editor.EditAsync(context, map.Id, (m, stamp) => m.RemoveStakeholder(person.Id, stamp), null, cancellationToken);
        return SaveReply.From(result, views, Text.Say.Format(Text.Sentences.StakeholdersRemoved, context.User.Name, person.Name)).Reply;
    }
}
