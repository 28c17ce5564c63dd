using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>The privacy verbs of <see cref="CommandParser"/>: <c>erase</c> / <c>confirm-erase</c> and <c>history export</c>.</summary>
internal static class PrivacyCommandParser
{
    public static ParseResult ParseErase(string account, string person, bool confirmed) =>
        person.Length == 0
            ? ParseResult.Fail(Say.Format(Sentences.CommandsWhoToVerb, "erase"), CommandText.Map(account).Verb("erase", CommandText.ExamplePerson))
            : ParseResult.Ok(new ErasePerson(account, PersonRef.FromText(person), confirmed));

    /// <summary><c>history</c> followed by something: only <c>export</c> is a command.</summary>
    public static ParseResult ParseHistory(string account, IReadOnlyList<Token> rest) =>
        rest is [{ Quoted: false } what] && what.Text.Equals("export", StringComparison.OrdinalIgnoreCase)
            ? ParseResult.Ok(new ExportHistory(account))
            : ParseResult.Fail(Sentences.CommandsHistoryExport, CommandText.Map(account).Verb("history", "export"));
}
