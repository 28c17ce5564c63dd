using System.Text;

namespace AccountBot.Core.Commands;

/// <summary>Splits command text on white space, keeping "quoted phrases" (straight or curly quotes) together.</summary>
internal static class Tokenizer
{
    public static List<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var at = 0;

        void Flush()
        {
            if (current.Length > 0 || wasQuoted)
            {
                var word = current.ToString().Trim();
                if (word.Length > 0)
                {
                    tokens.Add(new Token(CollapseSpaces(word), wasQuoted, at));
                }
            }

            current.Clear();
            wasQuoted = false;
        }

        for (; at < text.Length; at++)
        {
            var c = text[at];
            if (c is '"' or '“' or '”' or '„')
            {
                if (quoted)
                {
                    quoted = false;
                    Flush();
                }
                else
                {
                    Flush();
                    quoted = true;
                    wasQuoted = true;
                }

                continue;
            }

            if (!quoted && (char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                Flush();
                continue;
            }

            current.Append(char.IsControl(c) ? ' ' : c);
        }

        Flush();
        return tokens;
    }

    private static string CollapseSpaces(string word) =>
        string.Join(' ', word.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
