using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>
/// Parses the command language shared by Teams and Slack. Accepts a leading <c>/</c> and an optional
/// <c>map</c>; account names run up to the first verb (<c>map Acme Corp add Jane Doe</c>) and can be
/// quoted (<c>map "Add Corp" add</c>). Never throws: bad input gives a message with an example.
/// </summary>
public static class CommandParser
{
    public const int MaxInputLength = 2000;

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["add"] = "add",
        ["new"] = "add",
        ["edit"] = "edit",
        ["update"] = "edit",
        ["tag"] = "tag",
        ["untag"] = "untag",
        ["remove"] = "remove",
        ["delete"] = "delete",
        ["confirm-delete"] = "confirm-delete",
        ["owner"] = "owner",
        ["private"] = "private",
        ["public"] = "public",
        ["confirm-remove"] = "confirm-remove",
        ["erase"] = "erase",
        ["confirm-erase"] = "confirm-erase",
        ["grid"] = "grid",
        ["onion"] = "onion",
        ["org"] = "org",
        ["orgchart"] = "org",
        ["raci"] = "raci",
        ["reviewed"] = "reviewed",
        ["review"] = "reviewed",
        ["history"] = "history",
        ["link"] = "link",
        ["unlink"] = "unlink",
        ["export"] = "export",
        ["links"] = "links",
        ["import"] = "import",
        ["create"] = "create",
        ["snooze"] = "snooze",
        ["undo"] = "undo",
        ["postpone"] = "postpone",
        ["done"] = "done",
        ["follow"] = "follow",
    };

    public static BotCommand Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ShowHelp();
        }

        if (text.Length > MaxInputLength)
        {
            return new InvalidCommand(Say.Format(Sentences.CommandsTooLong, text.Length, MaxInputLength), CommandText.Example);
        }

        var tokens = Tokenizer.Split(text);
        tokens = StripPrefix(tokens);
        if (tokens.Count == 0)
        {
            return new ShowHelp();
        }

        var first = tokens[0];
        if (!first.Quoted)
        {
            switch (first.Text.ToLowerInvariant())
            {
                case "help" or "?":
                    return new ShowHelp();
                case "list" when tokens.Count == 1:
                    return new ListMaps();
                case "mine" when tokens.Count == 1:
                    return new ShowHome();
                case "settings":
                    return SettingsParser.Parse(tokens.Skip(1).ToList());
                case "import" when tokens.Count == 1:
                    return new ImportCsv(null);
                case "reassign":
                    return AdminCommandParser.ParseReassign(Join(tokens.Skip(1)));
                case NudgeCommandParser.NotifyWord:
                    return NudgeCommandParser.ParseNotify([.. tokens.Skip(1)]);
            }
        }

        var verbAt = FindVerb(tokens);
        var account = Join(tokens, verbAt == -1 ? tokens.Count : verbAt);
        if (account.Length == 0)
        {
            return new InvalidCommand(Sentences.CommandsWhichAccount, CommandText.Example);
        }

        if (account.Length > Limits.MapName)
        {
            return new InvalidCommand(Say.Format(Sentences.CommandsAccountTooLong, Limits.MapName), CommandText.Example);
        }

        if (verbAt == -1)
        {
            return new ShowMap(account);
        }

        var verb = Verbs[tokens[verbAt].Text];
        var rest = tokens.Skip(verbAt + 1).ToList();
        return ParseVerb(account, verb, rest, text[tokens[verbAt].End..]);
    }

    private static BotCommand ParseVerb(string account, string verb, List<Token> rest, string afterVerb)
    {
        var quotedAccount = Quote(account);
        switch (verb)
        {
            case "add" when QuickAddParser.IsQuick(afterVerb):
                return QuickAddParser.Parse(account, afterVerb);
            case "postpone":
                return NudgeCommandParser.ParsePostpone(quotedAccount, rest);
            case "undo":
                return rest is [{ Quoted: false } token]
                    ? new UndoQuickAdd(account, token.Text)
                    : new InvalidCommand(Sentences.CommandsUndoNeedsCode, CommandText.Map(quotedAccount).Add(CommandText.ExampleQuickAdd));
            case "follow":
                return rest is [{ Quoted: false } code]
                    ? new FollowPerson(account, code.Text)
                    : new InvalidCommand(Sentences.JobsFollowUsage, CommandText.Map(quotedAccount).Open);
            case "add":
                var name = Join(rest);
                if (name.Length > Limits.Name)
                {
                    return new InvalidCommand(Say.Format(Sentences.CommandsNameTooLong, Limits.Name), CommandText.Map(quotedAccount).Add(CommandText.ExamplePerson));
                }

                return new AddStakeholder(account, name.Length == 0 ? null : name);
            case "edit" or "remove" or "confirm-remove":
                var person = Join(rest);
                if (person.Length == 0)
                {
                    var shown = verb == "edit" ? "edit" : "remove";
                    return new InvalidCommand(Say.Format(Sentences.CommandsWhoToVerb, shown), CommandText.Map(quotedAccount).Verb(shown, CommandText.ExamplePerson));
                }

                var reference = PersonRef.FromText(person);
                return verb == "edit"
                    ? new EditStakeholder(account, reference)
                    : new RemoveStakeholder(account, reference, Confirmed: verb == "confirm-remove");
            case "done":
                var who = Join(rest);
                return who.Length == 0
                    ? new InvalidCommand(Text.Sentences.HomeDoneWho, CommandText.Map(quotedAccount).Done(CommandText.ExamplePerson))
                    : new MarkStepDone(account, PersonRef.FromText(who));
            case "delete" when rest.Count > 0:
                // "delete Jane" has always removed a person; only a bare "delete" deletes the map.
                return ParseVerb(account, "remove", rest, afterVerb);
            case "delete" or "confirm-delete" or "owner" or "private" or "public":
                return AdminCommandParser.ParseMapVerb(account, verb, Join(rest));
            case "erase" or "confirm-erase":
                return PrivacyCommandParser.ParseErase(account, Join(rest), confirmed: verb == "confirm-erase");
            case "history" when rest.Count > 0:
                return PrivacyCommandParser.ParseHistory(account, rest);
            case "tag" or "untag":
                return TagCommandParser.Parse(account, verb, rest);
            case "create":
                return ParseCreate(account, rest);
            case "links":
                // Only "reset" for now; the word is required so that revoking every link is never a typo away.
                return rest is [{ Quoted: false } only] && only.Text.Equals("reset", StringComparison.OrdinalIgnoreCase)
                    ? new ResetLinks(account)
                    : new InvalidCommand(Sentences.CommandsLinksTakesReset, CommandText.Map(quotedAccount).LinksReset);
            default:
                if (rest.Count > 0)
                {
                    return new InvalidCommand(Say.Format(Sentences.CommandsTakesNothing, verb), CommandText.Map(quotedAccount).Verb(verb));
                }

                return verb switch
                {
                    "grid" => new ShowPicture(account, MapPicture.Grid),
                    "onion" => new ShowPicture(account, MapPicture.Onion),
                    "org" => new ShowPicture(account, MapPicture.Org),
                    "raci" => new ShowPicture(account, MapPicture.Raci),
                    "reviewed" => new MarkReviewed(account),
                    "history" => new ShowHistory(account),
                    "link" => new LinkChannel(account),
                    "unlink" => new UnlinkChannel(account),
                    "export" => new ExportCsv(account),
                    "snooze" => new SnoozeReminders(account),
                    _ => new ImportCsv(account),
                };
        }
    }

    private static BotCommand ParseCreate(string account, List<Token> rest)
    {
        if (rest.Count == 0)
        {
            return new CreateMap(account, MapKind.Sales);
        }

        if (rest.Count == 1 && Enum.TryParse<MapKind>(rest[0].Text, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            && !int.TryParse(rest[0].Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return new CreateMap(account, kind);
        }

        return new InvalidCommand(Sentences.CommandsMapKinds, CommandText.Map(account).Create("partner"));
    }

    private static int FindVerb(List<Token> tokens)
    {
        // The account comes first, so a verb only counts from the second token on.
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!tokens[i].Quoted && Verbs.ContainsKey(tokens[i].Text))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Drops a leading <c>/</c> and the word <c>map</c>, in place (the tokenizer's own list).</summary>
    private static List<Token> StripPrefix(List<Token> tokens)
    {
        if (tokens.Count > 0 && !tokens[0].Quoted && tokens[0].Text.StartsWith('/'))
        {
            var rest = tokens[0].Text.TrimStart('/');
            if (rest.Length == 0)
                tokens.RemoveAt(0);
            else
                tokens[0] = new Token(rest, false);
        }

        if (tokens.Count > 0 && !tokens[0].Quoted && tokens[0].Text.Equals("map", StringComparison.OrdinalIgnoreCase))
        {
            tokens.RemoveAt(0);
        }

        return tokens;
    }

    internal static string Join(IEnumerable<Token> tokens) => string.Join(' ', tokens.Select(t => t.Text)).Trim();

    /// <summary>The first <paramref name="count"/> tokens' words, joined: a one-word account name is the token's own text.</summary>
    private static string Join(List<Token> tokens, int count) =>
        count == 1 ? tokens[0].Text.Trim() : Join(tokens.Take(count));

    /// <summary>Quotes an account name when a parser would otherwise read part of it as a verb.</summary>
    public static string Quote(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var words = account.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var needsQuotes = words.Length == 0
            || words.Skip(1).Any(Verbs.ContainsKey)
            || (words.Length == 1 && words[0].ToLowerInvariant() is "list" or "import" or "mine")
            || words[0].Equals("reassign", StringComparison.OrdinalIgnoreCase)
            || words[0].ToLowerInvariant() is "help" or "?" or "settings" or "map" or NudgeCommandParser.NotifyWord
            || words[0].StartsWith('/');
        return needsQuotes && !account.Contains('"', StringComparison.Ordinal) ? $"\"{account}\"" : account;
    }
}
