using AccountBot.Core.Accounts;

namespace AccountBot.Core.Commands;

/// <summary><c>map Acme tag|untag &lt;person&gt; &lt;role…&gt;</c>: roles are read from the end, what is left is the person.</summary>
internal static class TagCommandParser
{
    public static ParseResult Parse(string account, string verb, List<Token> rest)
    {
        var example = CommandText.Map(account).Tag(verb, "Jane Doe", "champion");
        if (rest.Count == 0)
        {
            return ParseResult.Fail($"Who should I {verb}, and with which role?", example);
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
                    return ParseResult.Fail($"I don't know the role \"{words[end - 1].Text}\". Roles: {RoleWords.Known}.", example);
                }

                break;
            }
        }

        if (roles == Role.None)
        {
            return ParseResult.Fail($"Which role? Roles: {RoleWords.Known}.", example);
        }

        var person = string.Join(' ', words.Take(end).Select(t => t.Text)).Trim();
        if (person.Length == 0)
        {
            return ParseResult.Fail($"Who should I {verb}? Name the person before the roles.", example);
        }

        var reference = PersonRef.FromText(person);
        return ParseResult.Ok(verb == "tag"
            ? new TagStakeholder(account, reference, roles)
            : new UntagStakeholder(account, reference, roles));
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
