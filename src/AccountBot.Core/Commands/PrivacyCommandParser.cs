using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>The privacy verbs of <see cref="CommandParser"/>: <c>erase</c> / <c>confirm-erase</c> and <c>history export</c>.</summary>
internal static class PrivacyCommandParser
{
    public static BotCommand ParseErase(string account, string person, bool confirmed) =>
        person.Length == 0
            ? new InvalidCommand(Say.Format(Sentences.CommandsWhoToVerb, "erase"), CommandText.Map(account).Verb("erase", CommandText.ExamplePerson))
            : new ErasePerson(account, PersonRef.FromText(person), confirmed);

    /// <summary><c>history</c> followed by something: only <c>export</c> is a command.</summary>
    public static BotCommand ParseHistory(string account, IReadOnlyList<Token> rest) =>
        rest is [{ Quoted: false } what] && what.Text.Equals("export", StringComparison.OrdinalIgnoreCase)
            ? new ExportHistory(account)
            : new InvalidCommand(Sentences.CommandsHistoryExport, CommandText.Map(account).Verb("history", "export"));
}
