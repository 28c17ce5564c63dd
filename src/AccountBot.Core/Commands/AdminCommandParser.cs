using AccountBot.Core.Accounts;

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
                    : ParseResult.Fail("Who should own the map? Mention them.", map.Verb("owner", "@jane"));
            case "confirm-delete":
                return ParseResult.Ok(new DeleteMap(account, Confirmed: true));
            default:
                if (rest.Length > 0)
                {
                    return ParseResult.Fail($"`{verb}` takes nothing after it.", map.Verb(verb));
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
            return ParseResult.Fail("Name the rep who left, then mention who takes over their relationships.", ReassignExample);
        }

        var target = UserMention.Parse(to);
        if (!target.HasId)
        {
            return ParseResult.Fail("Mention who takes over the relationships, so they can be reminded.", ReassignExample);
        }

        return ParseResult.Ok(new ReassignRelationships(UserMention.Parse(from), target));
    }
}
