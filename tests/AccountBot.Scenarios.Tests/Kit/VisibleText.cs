using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>
/// The words a person sees in a Slack message or view, or in a Teams activity and its cards, as lines of plain text:
/// texts, titles, labels and the values a form shows (not placeholders: they are examples, not content); mrkdwn stars, emoji codes and Slack's escapes taken
/// off. Ids, action values and colours are not seen, so they are left out.
/// </summary>
public static partial class VisibleText
{
    private static readonly HashSet<string> Seen = new(StringComparer.Ordinal) { "text", "title", "label", "initial_value", "fallback" };

    public static IReadOnlyList<string> Of(JsonNode? node)
    {
        var lines = new List<string>();
        Walk(node, lines);
        return lines;
    }

    private static void Walk(JsonNode? node, List<string> lines)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                    Walk(item, lines);
                break;
            case JsonObject { } runs when runs["inlines"] is JsonArray inlines:
                // A Teams RichTextBlock is one line written in runs (bold name, plain rest).
                lines.Add(Bare(string.Concat(inlines.Select(r => r?["text"]?.GetValue<string>()))));
                break;
            case JsonObject obj:
                var isInput = obj["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind.StartsWith("Input.", StringComparison.Ordinal);
                foreach (var (key, value) in obj)
                {
                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        // A Teams input shows its value; elsewhere "value" is an id the person never sees.
                        if (Seen.Contains(key) || (isInput && key == "value"))
                            lines.AddRange(text.Split('\n').Select(Bare).Where(l => l.Length > 0));
                    }
                    else if (key is not ("private_metadata" or "data" or "value" or "placeholder"))
                    {
                        Walk(value, lines);
                    }
                }

                break;
        }
    }

    private static string Bare(string line) =>
        WebUtility.HtmlDecode(Emoji().Replace(line, string.Empty).Replace("*", string.Empty, StringComparison.Ordinal)).Trim().TrimStart('•', '⚠').Trim();

    [GeneratedRegex(":[a-z_]+:")]
    private static partial Regex Emoji();
}
