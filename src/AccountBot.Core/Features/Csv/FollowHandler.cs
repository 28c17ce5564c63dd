using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// <c>map Globex follow &lt;code&gt;</c> ("follow your champion"): adds a person an import marked as left to their new
/// company's map, creating that map as <c>map Globex create</c> would. The relationship goes with them (roles they
/// were champion in, stance, owner and strength); the old job's title and e-mail stay on the old map, whose history
/// keeps their leaving, while the new map's history records where they came from.
/// </summary>
public sealed class FollowHandler(MapEditor editor, MapViewFactory views, IAccountMapStore store, LimitsOptions limits) : ICommandHandler<FollowPerson>
{
    public async Task<Reply> HandleAsync(FollowPerson command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!JobChangeText.TryReadCode(command.Code, out var fromId, out var personId))
            return new NoticeView(Tone.Warning, Sentences.JobsFollowUsage);

        var from = await store.GetAsync(context.Workspace, fromId, cancellationToken);
        if (from is null || !context.Sees(from) || from.FindById(personId) is not { } person)
            return new NoticeView(Tone.Warning, Sentences.JobsFollowGone);

        AccountMap target;
        try
        {
            (target, _) = await editor.CreateAsync(context, command.Account, from.Kind, cancellationToken);
        }
        catch (DomainRuleException rule)
        {
            return new NoticeView(Tone.Error, rule.Message);
        }

        if (!context.Sees(target))
            return new NoticeView(Tone.Warning, string.Format(CultureInfo.CurrentCulture, Sentences.AdminNameTaken, command.Account));

        var key = "follow:" + JobChangeText.FollowCode(fromId, personId) + ":" + target.Id.ToString("N", CultureInfo.InvariantCulture);
        var result = await editor.EditAsync(context, target.Id, (map, stamp) => Add(map, from, person, stamp), key, cancellationToken);
        if (result is { Outcome: SaveOutcome.Invalid, Map: { } current } && AlreadyThere(current, person))
            return views.Build(current, string.Format(CultureInfo.CurrentCulture, Sentences.JobsFollowAlready, person.Name, current.Name));

        var notice = string.Format(CultureInfo.CurrentCulture, Sentences.JobsFollowed, context.User.Name, person.Name, from.Name, target.Name);
        return SaveReply.From(result, views, notice).Reply;
    }

    private MapWrite Add(AccountMap map, AccountMap from, Stakeholder person, Stamp stamp)
    {
        if (AlreadyThere(map, person))
            throw new DomainRuleException(string.Format(CultureInfo.CurrentCulture, Sentences.JobsFollowAlready, person.Name, map.Name));

        var moved = new Stakeholder
        {
            Id = Guid.NewGuid(),
            Name = person.Name,
            ProfileUrl = person.ProfileUrl,
            Roles = person.Roles & Role.Champion,
            Stance = person.Stance,
            RelationshipOwner = person.RelationshipOwner,
            Strength = person.Strength,
        };
        var change = map.AddStakeholder(moved, stamp, limits.PeoplePerMap);
        return change with { History = change.History with { Summary = string.Format(CultureInfo.InvariantCulture, Sentences.JobsFollowedHistory, person.Name, from.Name) } };
    }

    private static bool AlreadyThere(AccountMap map, Stakeholder person) =>
        map.Stakeholders.Any(s =>
            (ProfileUrlKey.Of(person.ProfileUrl) is { } url && ProfileUrlKey.Of(s.ProfileUrl) == url)
            || NameKey.Normalize(s.Name) == NameKey.Normalize(person.Name));
}
