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

    public static BotCommand ParseMapVerb(string account, string verb, string rest)
    {
        var map = CommandText.Map(account);
        switch (verb)
        {
            case "owner":
                var owners = UserMention.SplitMentions(rest);
                return owners is [var only] && UserMention.Parse(only) is { HasId: true } owner
                    ? new ChangeMapOwner(account, owner)
                    : new InvalidCommand(Sentences.CommandsOwnerMention, map.Verb("owner", "@jane"));
            case "confirm-delete":
                return new DeleteMap(account, Confirmed: true);
            default:
                if (rest.Length > 0)
                {
                    return new InvalidCommand(Say.Format(Sentences.CommandsTakesNothing, verb), map.Verb(verb));
                }

                return verb switch
                {
                    "private" => new SetMapVisibility(account, MapVisibility.Private),
                    "public" => new SetMapVisibility(account, MapVisibility.Public),
                    _ => new DeleteMap(account, Confirmed: false),
                };
        }
    }

    /// <summary>
    /// <c>map reassign @old @new</c>: the new owner must be a mention (an id to hand the relationships to); the departed
    /// rep may be a mention or the name the map shows, as someone who left can often no longer be mentioned.
    /// </summary>
    public static BotCommand ParseReassign(string rest)
    {
        var parts = UserMention.SplitMentions(rest);
        if (parts is not [var from, var to])
        {
            return new InvalidCommand(Sentences.CommandsReassignWho, ReassignExample);
        }

        var target = UserMention.Parse(to);
        if (!target.HasId)
        {
            return new InvalidCommand(Sentences.CommandsReassignMention, ReassignExample);
        }

        return new ReassignRelationships(UserMention.Parse(from), target);
    }
}
