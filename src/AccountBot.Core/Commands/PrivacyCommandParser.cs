namespace AccountBot.Core.Commands;

/// <summary>The privacy verbs of <see cref="CommandParser"/>: <c>erase</c> / <c>confirm-erase</c> and <c>history export</c>.</summary>
internal static class PrivacyCommandParser
{
    public static ParseResult ParseErase(string account, string person, bool confirmed) =>
        person.Length == 0
            ? ParseResult.Fail("Who should I erase? Name the person.", $"map {CommandParser.Quote(account)} erase Jane Doe")
            : ParseResult.Ok(new ErasePerson(account, PersonRef.FromText(person), confirmed));

    /// <summary><c>history</c> followed by something: only <c>export</c> is a command.</summary>
    public static ParseResult ParseHistory(string account, IReadOnlyList<Token> rest) =>
        rest is [{ Quoted: false } what] && what.Text.Equals("export", StringComparison.OrdinalIgnoreCase)
            ? ParseResult.Ok(new ExportHistory(account))
            : ParseResult.Fail("`history` takes nothing, or `export` for every entry as CSV.", $"map {CommandParser.Quote(account)} history export");
}
