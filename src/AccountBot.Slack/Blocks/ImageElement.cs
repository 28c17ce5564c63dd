using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A small image in a context block or as a section accessory.</summary>
public sealed record ImageElement : BlockElement, IContextElement
{
    public ImageElement(string imageUrl, string altText)
    {
        ImageUrl = SlackLimits.RequireId(imageUrl, nameof(imageUrl), SlackLimits.Url);
        ArgumentException.ThrowIfNullOrEmpty(altText);
        AltText = SlackText.Truncate(altText, SlackLimits.AltText);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "image";
    public string ImageUrl { get; }
    public string AltText { get; }
}
