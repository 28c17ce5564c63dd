using System.Text.Json.Nodes;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>
/// User text written as Teams markdown, and the assertion that a card shows it literally: only in
/// TextRuns (never markdown), never in a TextBlock, Fact or input error message (which Teams reads as markdown).
/// </summary>
internal static class HostileText
{
    // Line-start syntax (# heading, 1. list) leads the strings that go at the start of a line.
    public const string MapName = "# heading [Re-login](https://evil.example/x)";
    public const string PersonName = "1. list **bold** _it_";
    public const string Title = "<at>x</at> `code` \\*not\\* C:\\temp\\";
    public const string Notes = "[Re-login](https://evil.example/x)\n\n# heading\n1. list";
    public const string NextStep = "**bold** [Re-login](https://evil.example/x)";
    public const string OwnerName = "_it_ <at>x</at> \\ `code`";

    /// <summary>What would turn into markup if Teams read it as markdown.</summary>
    private static readonly string[] Markers = ["evil.example", "**bold**", "_it_", "<at>x</at>", "# heading", "1. list", "\\", "`code`"];

    /// <summary><paramref name="text"/> is in one RichTextBlock's runs, and no markdown-read field carries any of the markup.</summary>
    public static void AssertShownLiterally(JsonNode card, params string[] texts)
    {
        var runs = RichTexts(card).ToList();
        foreach (var text in texts)
            Assert.True(runs.Any(r => r.Contains(text, StringComparison.Ordinal)), $"\"{text}\" is not in any TextRun:\n" + string.Join("\n", runs));
        AssertNoMarkdownCarriesUserText(card);
    }

    public static void AssertNoMarkdownCarriesUserText(JsonNode card)
    {
        foreach (var text in MarkdownTexts(card))
        {
            foreach (var marker in Markers)
                Assert.False(text.Contains(marker, StringComparison.Ordinal), $"Teams reads this as markdown and it carries \"{marker}\": {text}");
        }
    }

    /// <summary>Each RichTextBlock's runs joined: what the user reads there.</summary>
    public static IEnumerable<string> RichTexts(JsonNode card) =>
        Nodes(card).Where(n => Type(n) == "RichTextBlock")
            .Select(n => string.Concat(n["inlines"]!.AsArray().Select(r => r!["text"]!.GetValue<string>())));

    /// <summary>Every string Teams renders as markdown: TextBlock text, fact titles and values, input error messages.</summary>
    public static IEnumerable<string> MarkdownTexts(JsonNode card)
    {
        foreach (var node in Nodes(card))
        {
            if (Type(node) == "TextBlock")
                yield return node["text"]!.GetValue<string>();
            if (Type(node) == "FactSet")
            {
                foreach (var fact in node["facts"]!.AsArray())
                {
                    yield return fact!["title"]!.GetValue<string>();
                    yield return fact["value"]!.GetValue<string>();
                }
            }

            if (Type(node)?.StartsWith("Input.", StringComparison.Ordinal) == true && node["errorMessage"] is { } error)
                yield return error.GetValue<string>();
        }
    }

    private static string? Type(JsonObject node) => node["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var inner in Nodes(child))
                        yield return inner;
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var inner in Nodes(child))
                        yield return inner;
                }

                break;
        }
    }
}
