using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.People;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Stakeholders;

/// <summary><c>map Acme tag|untag &lt;person&gt; &lt;role…&gt;</c>: quick role tagging without a form.</summary>
public sealed class TagHandler(IAccountMapStore store, MapEditor editor, MapViewFactory views)
    : MapCommandHandler(store), ICommandHandler<TagStakeholder>, ICommandHandler<UntagStakeholder>
{
    public Task<Reply> HandleAsync(TagStakeholder command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeRolesAsync(command.Account, command.Person, command.Roles, add: true, context, cancellationToken);
    }

    public Task<Reply> HandleAsync(UntagStakeholder command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeRolesAsync(command.Account, command.Person, command.Roles, add: false, context, cancellationToken);
    }

    private async Task<Reply> ChangeRolesAsync(string account, PersonRef reference, Role roles, bool add, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (map, notFound) = await FindAsync(context, account, cancellationToken);
        if (map is null)
        {
            return notFound!;
        }

        var verb = add ? "tag" : "untag";
        var match = PersonMatcher.Match(map, reference);
        if (match.Person is not { } person)
        {
            var roleWords = string.Join(' ', Roles.Split(roles).Select(r => Roles.DisplayName(r).ToLowerInvariant()));
            return PersonReplies.NotUnique(map, reference, match, p => CommandText.Map(map.Name).Tag(verb, p, roleWords));
        }

        var result = await editor.EditAsync(
            context, map.Id, (m, stamp) => add ? m.Tag(person.Id, roles, stamp) : m.Untag(person.Id, roles, stamp), null, cancellationToken);
        var notice = add
            ? $"{context.User.Name} tagged {person.Name} as {Roles.Describe(roles).ToLowerInvariant()}."
            : $"{context.User.Name} removed {Roles.Describe(roles).ToLowerInvariant()} from {person.Name}.";
        return SaveReply.From(result, views, notice).Reply;
    }
}
