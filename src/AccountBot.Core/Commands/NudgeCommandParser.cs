using AccountBot.Core.Nudges;
using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>The nudge commands: <c>map notify [on|off|daily|weekly]</c> and <c>map Acme postpone "Jane Doe" day|week</c>.</summary>
internal static class NudgeCommandParser
{
    public const string NotifyWord = "notify";

    public static BotCommand ParseNotify(IReadOnlyList<Token> rest)
    {
        if (rest.Count == 0)
        {
            return new NotifyCommand(null);
        }

        NotifyMode? mode = rest is [{ Quoted: false } only] ? only.Text.ToLowerInvariant() switch
        {
            "on" or "daily" => NotifyMode.Daily,
            "weekly" => NotifyMode.Weekly,
            "off" => NotifyMode.Off,
            _ => null,
        } : null;
        return mode is null
            ? new InvalidCommand(Sentences.NotifyUsage, CommandText.Prefix + " " + NotifyWord + " weekly")
            : new NotifyCommand(mode);
    }

    public static BotCommand ParsePostpone(string account, IReadOnlyList<Token> rest)
    {
        var days = rest.Count < 2 || rest[^1].Quoted ? 0 : rest[^1].Text.ToLowerInvariant() switch
        {
            "day" or "1d" => 1,
            "week" or "1w" => 7,
            _ => 0,
        };
        var person = CommandParser.Join(rest.Take(rest.Count - 1));
        return days == 0 || person.Length == 0
            ? new InvalidCommand(Sentences.PostponeUsage, CommandText.Map(account).Postpone("Jane", "day"))
            : new PostponeStep(account, PersonRef.FromText(person), days);
    }
}
