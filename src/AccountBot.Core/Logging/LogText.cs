using System.Text;

namespace AccountBot.Core.Logging;

/// <summary>
/// Values from a request nobody has authenticated yet (a token's <c>kid</c>, an OAuth <c>error</c>, a header) as they
/// may appear in a log: a short prefix without control characters, so a caller can neither flood the log nor forge
/// lines in it.
/// </summary>
public static class LogText
{
    public const int MaxLength = 32;

    public static string Untrusted(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;

        var text = new StringBuilder(Math.Min(value.Length, MaxLength + 1));
        foreach (var rune in value.EnumerateRunes())
        {
            if (text.Length >= MaxLength)
                return text.Append('…').ToString();

            // Control and format characters (new lines, escapes, bidi overrides) would let the value rewrite the log.
            text.Append(Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                ? "?"
                : rune.ToString());
        }

        return text.ToString();
    }
}
