using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Text;

namespace AccountBot.Core.Commands;

/// <summary>
/// The quick form of <c>add</c>: one person a line, parts separated by commas — the name, the title, then any of role
/// words (the synonyms of <see cref="RoleWords"/>), <c>power N</c>, <c>interest N</c>, <c>owner me|@user</c> and
/// <c>next &lt;text&gt; [by &lt;date&gt;]</c>. The second part is the title unless it reads entirely as those words
/// (or starts with one of the keywords); quote a title to keep it a title. A name alone with no comma on one line
/// is not quick: it opens the form.
/// </summary>
public static partial class QuickAddParser
{
    public const int MaxLines = 25;

    private const string Keywords = "power, interest, owner, next";

    /// <summary>Whether the text after <c>add</c> is a quick add rather than a name for the form.</summary>
    public static bool IsQuick(string afterVerb) =>
        afterVerb.Contains(',', StringComparison.Ordinal) || Lines(afterVerb).Count > 1;

    public static BotCommand Parse(string account, string afterVerb)
    {
        ArgumentNullException.ThrowIfNull(afterVerb);
        var lines = Lines(afterVerb);
        if (lines.Count > MaxLines)
        {
            return new InvalidCommand(
                string.Format(CultureInfo.InvariantCulture, Sentences.QuickAddTooManyLines, MaxLines, lines.Count),
                CommandText.Map(account).Add(CommandText.ExampleQuickAdd));
        }

        return new QuickAddStakeholders(account, [.. lines.Select((line, i) => ParseLine(i + 1, line))]);
    }

    public static QuickAddLine ParseLine(int number, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Control characters never carry meaning here, and the mention marks below must not be typed.
        text = string.Concat(text.Select(c => char.IsControl(c) || c == MentionMark[0] ? ' ' : c));
        var mentions = new List<UserRef>();
        var parts = SplitParts(Mention().Replace(text, m =>
        {
            mentions.Add(new UserRef(m.Groups["id"].Value, m.Groups["name"].Success && m.Groups["name"].Value.Trim().Length > 0 ? m.Groups["name"].Value.Trim() : m.Groups["id"].Value));
            return MentionMark + (mentions.Count - 1).ToString(CultureInfo.InvariantCulture);
        }));
        var problems = new List<string>();
        var name = parts.Count > 0 ? parts[0].Text : string.Empty;
        if (name.Length == 0)
            problems.Add(Sentences.QuickAddNoName);
        else if (name.Length > Limits.Name)
            problems.Add(string.Format(CultureInfo.InvariantCulture, Sentences.QuickAddNameTooLong, Limits.Name));

        var line = new QuickAddLine(number, Restore(text.Trim(), mentions), Restore(name, mentions));
        for (var i = 1; i < parts.Count; i++)
        {
            var (part, quoted) = parts[i];
            var attributes = quoted ? null : Attributes(line, part, mentions);
            if (i == 1 && (attributes is null || (attributes.Value.Problems.Count > 0 && !StartsWithKeyword(part))))
            {
                var title = Restore(part, mentions);
                if (title.Length > Limits.Title)
                    problems.Add(string.Format(CultureInfo.InvariantCulture, Sentences.QuickAddTitleTooLong, Limits.Title));
                line = line with { Title = title };
                continue;
            }

            var (read, partProblems) = attributes ?? (line, [Say.Format(Sentences.QuickAddQuotedPart, part)]);
            line = read;
            problems.AddRange(partProblems);
        }

        return line with { Problems = problems };
    }

    private static (QuickAddLine Line, List<string> Problems)? Attributes(QuickAddLine line, string part, List<UserRef> mentions)
    {
        var problems = new List<string>();
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length;)
        {
            var word = words[i].ToLowerInvariant();
            var next = i + 1 < words.Length ? words[i + 1] : null;
            switch (word)
            {
                case "power" or "interest":
                    if (next is not null && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= Limits.MinScore and <= Limits.MaxScore)
                        line = word == "power" ? line with { Power = score } : line with { Interest = score };
                    else
                        problems.Add(Say.Format(Sentences.QuickAddScore, word, next, Limits.MinScore, Limits.MaxScore).Replace("  ", " ", StringComparison.Ordinal));
                    i += next is null ? 1 : 2;
                    continue;
                case "owner":
                    if (next is not null && next.TrimStart('@').Equals("me", StringComparison.OrdinalIgnoreCase))
                        line = line with { OwnerIsMe = true, Owner = null };
                    else if (next is not null && next.StartsWith(MentionMark, StringComparison.Ordinal))
                        line = line with { OwnerIsMe = false, Owner = mentions[int.Parse(next.AsSpan(MentionMark.Length), CultureInfo.InvariantCulture)] };
                    else
                        problems.Add(Say.Format(Sentences.QuickAddOwner, Restore(next ?? string.Empty, mentions)).Replace("  ", " ", StringComparison.Ordinal));
                    i += next is null ? 1 : 2;
                    continue;
                case "next":
                    (line, var nextProblem) = NextStep(line, Restore(string.Join(' ', words.Skip(i + 1)), mentions));
                    if (nextProblem is not null)
                        problems.Add(nextProblem);
                    i = words.Length;
                    continue;
                case "and" or "+" or "&":
                    i++;
                    continue;
            }

            var size = Math.Min(RoleWords.MaxWords, words.Length - i);
            for (; size >= 1; size--)
            {
                if (RoleWords.TryParse(string.Join(' ', words.Skip(i).Take(size)), out var role))
                {
                    line = line with { Roles = line.Roles | role };
                    break;
                }
            }

            if (size == 0)
            {
                problems.Add(Say.Format(Sentences.QuickAddNotARole, Restore(words[i], mentions), Keywords));
                size = 1;
            }

            i += size;
        }

        return (line, problems);
    }

    private static (QuickAddLine Line, string? Problem) NextStep(QuickAddLine line, string text)
    {
        var by = text.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        var step = by < 0 ? text.Trim() : text[..by].Trim();
        DueDate? due = null;
        if (by >= 0)
        {
            var when = text[(by + 4)..].Trim();
            due = DueDate.TryParse(when);
            if (due is null)
                return (line, Say.Format(Sentences.QuickAddBadDate, when));
        }

        if (step.Length == 0)
            return (line, Sentences.QuickAddNoNextStep);
        if (step.Length > Limits.NextStep)
            return (line, string.Format(CultureInfo.InvariantCulture, Sentences.QuickAddNextStepTooLong, Limits.NextStep));
        return (line with { NextStep = step, Due = due }, null);
    }

    private static bool StartsWithKeyword(string part)
    {
        var first = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
        return first is "power" or "interest" or "owner" or "next";
    }

    /// <summary>The non-empty lines of the text after <c>add</c> (Teams and Slack both keep line breaks in a message).</summary>
    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>Comma-separated parts, commas inside quotes kept; a part that was quoted says so (it can only be the title).</summary>
    private static List<(string Text, bool Quoted)> SplitParts(string line)
    {
        var parts = new List<(string, bool)>();
        var current = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        foreach (var c in line)
        {
            if (c is '"' or '“' or '”' or '„')
            {
                inQuotes = !inQuotes;
                quoted = true;
            }
            else if (c == ',' && !inQuotes)
            {
                Add();
            }
            else
            {
                current.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
            }
        }

        Add();
        return parts;

        void Add()
        {
            var text = string.Join(' ', current.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 0 || parts.Count == 0)
                parts.Add((text, quoted));
            current.Clear();
            quoted = false;
        }
    }

    /// <summary>Stands for a mention while the line is split (a private-use character: a name can contain commas).</summary>
    private const string MentionMark = "\uE000@";

    private static string Restore(string text, List<UserRef> mentions) =>
        mentions.Count == 0 ? text : MentionMarks().Replace(text, m => "@" + mentions[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].Name);

    /// <summary>A mention as Slack escapes it (<c>&lt;@U123|jane&gt;</c>, <c>&lt;@U123&gt;</c>); the Teams adapter writes its mentions the same way.</summary>
    [GeneratedRegex(@"<@(?<id>[^|<>\s]{1,100})(?:\|(?<name>[^<>]{0,100}))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Mention();

    [GeneratedRegex("\uE000@([0-9]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MentionMarks();
}
