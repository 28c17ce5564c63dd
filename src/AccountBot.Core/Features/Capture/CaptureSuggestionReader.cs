using System.Text.RegularExpressions;

namespace AccountBot.Core.Features.Capture;

/// <summary>
/// Reads the people a message names, only where it names them as people: a Slack mention (<c>&lt;@U123|Jane Doe&gt;</c>
/// or <c>&lt;@U123&gt;</c>), a Teams mention (<c>&lt;at&gt;Jane Doe&lt;/at&gt;</c>), or a line of its own holding
/// <c>Name, Title</c> (a bullet allowed). Names in prose are never guessed: "Met Jane Doe, she said…" offers nobody.
/// Each person once, in the order the message names them.
/// </summary>
public static partial class CaptureSuggestionReader
{
    private const int MaxSuggestions = 10;
    private const int MaxTitleWords = 6;
    private const int MaxTitleLength = 80;

    // Words that start a capitalised line but are not a first or last name (days, months, meeting words).
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "the", "a", "an", "we", "our", "they", "their", "he", "she", "i", "you", "next", "action", "actions", "notes", "note",
        "call", "meeting", "follow", "budget", "pricing", "timeline", "attendees", "agenda", "summary", "steps", "step",
        "risks", "risk", "decision", "team", "update", "recap", "discovery", "demo", "pilot", "contract", "legal", "security",
    };

    // Words that make the part after the comma a clause of prose rather than a job title.
    private static readonly HashSet<string> NotTitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "asked", "wants", "want", "will", "would", "was", "is", "are", "were", "has", "had", "have",
        "who", "which", "that", "she", "he", "they", "we", "i", "you", "mentioned", "thinks", "think", "agreed", "needs",
        "and", "but", "so", "if", "when", "then", "also", "not", "can", "could", "should", "did", "does",
    };

    private static readonly string[] Particles = ["van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "bin", "al"];

    public static IReadOnlyList<CaptureSuggestion> Read(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
            return [];
        var found = new List<(int At, CaptureSuggestion Person)>();
        foreach (Match m in SlackMention().Matches(message))
        {
            var label = m.Groups["label"].Success ? m.Groups["label"].Value.Trim() : null;
            found.Add((m.Index, new CaptureSuggestion(label is { Length: > 0 } ? label : m.Groups["id"].Value, null, CaptureSource.Mention,
                label is { Length: > 0 } ? null : m.Groups["id"].Value)));
        }

        foreach (Match m in TeamsMention().Matches(message))
        {
            var name = m.Groups["name"].Value.Trim();
            if (name.Length > 0)
                found.Add((m.Index, new CaptureSuggestion(name, null, CaptureSource.Mention)));
        }

        var offset = 0;
        foreach (var line in message.Split('\n'))
        {
            if (ReadLine(line) is { } person)
                found.Add((offset, person));
            offset += line.Length + 1;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. found.OrderBy(f => f.At).Select(f => f.Person).Where(p => seen.Add(p.UserId ?? p.Name)).Take(MaxSuggestions)];
    }

    /// <summary>A line that is only <c>Name, Title</c>: two to four name words, then a short title that is no clause.</summary>
    internal static CaptureSuggestion? ReadLine(string line)
    {
        var m = NameTitleLine().Match(line.Trim());
        if (!m.Success)
            return null;
        var nameWords = m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var named = nameWords.Where(w => !Particles.Contains(w, StringComparer.Ordinal)).ToList();
        if (named.Count is < 2 or > 4 || named.Any(w => !IsNameWord(w)) || !IsNameWord(nameWords[0]))
            return null;
        var title = m.Groups["title"].Value.Trim().TrimEnd('.', ';').Trim();
        var titleWords = title.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (title.Length is 0 or > MaxTitleLength || titleWords.Length > MaxTitleWords
            || titleWords.Any(w => NotTitleWords.Contains(w.Trim('(', ')', '"'))) || !char.IsLetter(title[0]))
            return null;
        return new CaptureSuggestion(string.Join(' ', nameWords), title, CaptureSource.NameTitleLine);
    }

    private static bool IsNameWord(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower) && !NotNames.Contains(word)
        && word.All(c => char.IsLetter(c) || c is '\'' or '’' or '-' or '.');

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]{2,})(?:\|(?<label>[^>]{1,100}))?>", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"<at(?:\s[^>]*)?>(?<name>[^<]{1,100})</at>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"^(?:[-*•·]\s+)?(?<name>[^\s,][^,]{1,60}?)\s*,\s*(?<title>[^,\n].{0,99})$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex NameTitleLine();
}
