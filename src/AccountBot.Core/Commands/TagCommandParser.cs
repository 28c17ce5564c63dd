using AccountBot.Core.Accounts;
using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>The <c>tag</c> / <c>untag</c> verbs of <see cref="CommandParser"/>: the person, then role words read from the end.</summary>
internal static class TagCommandParser
{
    public static BotCommand Parse(string account, string verb, List<Token> rest)
    {
        var example = CommandText.Map(account).Tag(verb, CommandText.ExamplePerson, "champion");
        if (rest.Count == 0)
        {
            return new InvalidCommand(Say.Format(Sentences.CommandsTagWho, verb), example);
        }

        // Roles are read from the end; what is left is the person. A quoted first token is the person.
        var words = rest.SelectMany(SplitRoleSeparators).ToList();
        var roles = Role.None;
        var end = words.Count;
        var personEnd = rest[0].Quoted ? 1 : 0;
        while (end > personEnd)
        {
            var matched = false;
            for (var size = Math.Min(RoleWords.MaxWords, end - personEnd); size >= 1; size--)
            {
                var phrase = string.Join(' ', words.Skip(end - size).Take(size).Select(w => w.Text));
                if (words.Skip(end - size).Take(size).All(w => !w.Quoted) && RoleWords.TryParse(phrase, out var role))
                {
                    roles |= role;
                    end -= size;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                if (rest[0].Quoted)
                {
                    return new InvalidCommand(Say.Format(Sentences.CommandsUnknownRole, words[end - 1].Text, RoleWords.Known), example);
                }

                break;
            }
        }

        if (roles == Role.None)
        {
            return new InvalidCommand(Say.Format(Sentences.CommandsWhichRole, RoleWords.Known), example);
        }

        var person = CommandParser.Join(words.Take(end));
        if (person.Length == 0)
        {
            return new InvalidCommand(Say.Format(Sentences.CommandsTagWhoBeforeRoles, verb), example);
        }

        var reference = PersonRef.FromText(person);
        return verb == "tag"
            ? new TagStakeholder(account, reference, roles)
            : new UntagStakeholder(account, reference, roles);
    }

    private static IEnumerable<Token> SplitRoleSeparators(Token token)
    {
        if (token.Quoted)
        {
            yield return token;
            yield break;
        }

        foreach (var part in token.Text.Split([',', '+', '&', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                yield return new Token(part, false);
            }
        }
    }
}
