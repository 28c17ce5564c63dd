using System.Globalization;
using AccountBot.Teams.Cards;

namespace AccountBot.Teams.Rendering;

/// <summary>Small builders the renderers share.</summary>
internal static class CardParts
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static TextBlock Title(string text) => new(text) { Size = FontSize.Large, Weight = FontWeight.Bolder, Wrap = true };

    public static TextBlock Heading(string text) => new(text) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };

    public static TextBlock Text(string text) => new(text) { Wrap = true };

    public static TextBlock Subtle(string text) => new(text) { Wrap = true, IsSubtle = true, Spacing = Spacing.None };

    public static TextBlock Colored(string text, TextColor color) => new(text) { Wrap = true, Color = color };

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

    public static string More(int count) => string.Create(Culture, $"…and {count} more");

    public static AdaptiveCard Card(IReadOnlyList<CardElement> body, string fallback, IReadOnlyList<CardAction>? actions = null) =>
        new(body) { Actions = actions is { Count: > 0 } ? actions : null, FallbackText = Shorten(fallback, 200) };

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
