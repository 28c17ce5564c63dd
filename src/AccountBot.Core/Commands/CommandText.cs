namespace AccountBot.Core.Commands;

/// <summary>
/// The command texts buttons, pickers and suggestions carry, built in one place so they always parse back
/// (<see cref="CommandParser"/>): <c>CommandText.Map("Acme Corp").Edit(PersonRef.ForId(id))</c>.
/// </summary>
public static class CommandText
{
    /// <summary>The word every command starts with.</summary>
    public const string Prefix = "map";

    public const string List = Prefix + " list";

    public const string Help = Prefix + " help";

    public const string Import = Prefix + " import";

    public const string Settings = Prefix + " settings";

    /// <summary>The asker's home, "Your accounts".</summary>
    public const string Mine = Prefix + " mine";

    /// <summary>The example a parser error shows when the account itself is wrong.</summary>
    public const string Example = Prefix + " Acme";

    /// <summary>The person the parser errors' example commands name (an example value, not a sentence).</summary>
    public const string ExamplePerson = "Jane Doe";

    /// <summary>The quick-add line the parser errors' example commands show (command language).</summary>
    public const string ExampleQuickAdd = ExamplePerson + ", VP Finance, champion";

    /// <summary>Commands about one map; <paramref name="account"/> is the map's name or its already quoted command name.</summary>
    public static MapCommandText Map(string account) => new(CommandParser.Quote(account));

    /// <summary>A command typed without the leading <c>map</c> (a slash command's text, a mention): the full command.</summary>
    public static string FromTyped(string text) => Prefix + " " + text;
}
