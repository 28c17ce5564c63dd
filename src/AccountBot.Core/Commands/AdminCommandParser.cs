using AccountBot.Core.Accounts;
using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>
/// The verbs of <see cref="CommandParser"/> about who sees and answers for a map: <c>private</c> / <c>public</c>,
/// <c>owner @user</c>, <c>delete</c> / <c>confirm-delete</c>, and <c>map reassign @old @new</c>.
/// </summary>
internal static class AdminCommandParser
{
    public const string ReassignExample = "map reassign @old.rep @new.rep";

    public static ParseResult ParseMapVerb(string account, string verb, string rest)
    {
        var map = CommandText.Map(account);
        switch (verb)
        {
            case "owner":
                var owners = UserMention.SplitMentions(rest);
                return owners is [var only] && UserMention.Parse(only) is { HasId: true } owner
                    ? ParseResult.Ok(new ChangeMapOwner(account, owner))
                    : ParseResult.Fail(Sentences.CommandsOwnerMention, map.Verb("owner", "@jane"));
            case "confirm-delete":
                return ParseResult.Ok(new DeleteMap(account, Confirmed: true));
            default:
                if (rest.Length > 0)
                {
                    return ParseResult.Fail(Say.Format(Sentences.CommandsTakesNothing, verb), map.Verb(verb));
                }

                return ParseResult.Ok(verb switch
                {
                    "private" => new SetMapVisibility(account, MapVisibility.Private),
                    "public" => new SetMapVisibility(account, MapVisibility.Public),
                    _ => new DeleteMap(account, Confirmed: false),
                });
        }
    }

    /// <summary>
    /// <c>map reassign @old @new</c>: the new owner must be a mention (an id to hand the relationships to); the departed
    /// rep may be a mention or the name the map shows, as someone who left can often no longer be mentioned.
    /// </summary>
    public static ParseResult ParseReassign(string rest)
    {
        var parts = UserMention.SplitMentions(rest);
        if (parts is not [var from, var to])
        {
            return ParseResult.Fail(Sentences.CommandsReassignWho, ReassignExample);
        }

        var target = UserMention.Parse(to);
        if (!target.HasId)
        {
            return ParseResult.Fail(Sentences.CommandsReassignMention, ReassignExample);
        }

        return ParseResult.Ok(new ReassignRelationships(UserMention.Parse(from), target));
    }
}
