using System.Globalization;
using AccountBot.Teams.Cards;

namespace AccountBot.Teams.Rendering;

/// <summary>Small builders the renderers share.</summary>
internal static class CardParts
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    // Every text is drawn as TextRuns in a RichTextBlock: Teams reads TextBlock text (and fact titles
    // and values) as markdown, so a map named "[Re-login](https://…)" would be a live link there. Runs
    // are always literal; the bot's own emphasis is a run's style (Bold, Code), never markup.
    public static RichTextBlock Line(params IReadOnlyList<TextRun> runs) => new(runs);

    public static RichTextBlock Title(string text) => Line(new TextRun(text) { Size = FontSize.Large, Weight = FontWeight.Bolder });

    public static RichTextBlock Heading(string text, TextColor? color = null) =>
        Line(new TextRun(text) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Color = color }) with { Spacing = Spacing.Medium };

    public static RichTextBlock Text(string text) => Line(Plain(text));

    public static RichTextBlock Subtle(string text) => Line(new TextRun(text) { IsSubtle = true }) with { Spacing = Spacing.None };

    public static RichTextBlock Colored(string text, TextColor color, FontWeight? weight = null) => Line(new TextRun(text) { Color = color, Weight = weight });

    public static TextRun Plain(string text) => new(text);

    public static TextRun Bold(string text) => new(text) { Weight = FontWeight.Bolder };

    /// <summary>A command to type, in the typeface Slack and Teams use for code.</summary>
    public static TextRun Code(string text) => new(text) { FontType = FontType.Monospace };

    public static string Date(DateTimeOffset at) => at.ToString("d MMM yyyy", Culture);

    public static string Date(DateOnly at) => at.ToString("d MMM yyyy", Culture);

    /// <summary>A button that runs a core command; <paramref name="inPlace"/> when the answer replaces this card.</summary>
    public static SubmitAction Command(string title, string command, bool inPlace = false, ActionStyle? style = null) => new(title)
    {
        Style = style,
        Data = CardData.ForVerb(
            CardVerbs.Command,
            new(CardVerbs.Keys.Command, command),
            new(CardVerbs.Keys.InPlace, inPlace ? "true" : null)),
    };

    /// <summary>A button that runs <paramref name="prefix"/> followed by the value of input <paramref name="inputId"/>.</summary>
    public static SubmitAction CommandFromInput(string title, string prefix, string inputId, ActionStyle? style = null) => new(title)
    {
        Style = style,
        Data = CardData.ForVerb(
            CardVerbs.CommandFromInput,
            new(CardVerbs.Keys.Prefix, prefix),
            new(CardVerbs.Keys.Input, inputId)),
    };

    public static string More(int count) => Core.Views.MapCardText.More(count);

    public static AdaptiveCard Card(IReadOnlyList<CardElement> body, string fallback, IReadOnlyList<CardAction>? actions = null) =>
        new(body) { Actions = actions is { Count: > 0 } ? actions : null, FallbackText = Shorten(fallback, 200) };

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
