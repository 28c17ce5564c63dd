namespace AccountBot.Teams.Cards;

/// <summary>An image by URL (https, or a <c>data:</c> URI for small pictures).</summary>
public sealed record Image(Uri Url) : CardElement
{
    public string? AltText { get; init; }

    public ImageSize? Size { get; init; }

    public ImageStyle? Style { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
