using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>A full-width image (e.g. a rendered map chart).</summary>
public sealed record ImageBlock : Block
{
    public ImageBlock(string imageUrl, string altText)
    {
        ImageUrl = SlackLimits.RequireId(imageUrl, nameof(imageUrl), SlackLimits.Url);
        ArgumentException.ThrowIfNullOrEmpty(altText);
        AltText = SlackText.Truncate(altText, SlackLimits.AltText);
    }

    [JsonPropertyOrder(-2)]
    public override string Type => "image";
    public string ImageUrl { get; }
    public string AltText { get; }

    public PlainText? Title
    {
        get;
        init => field = value?.Truncate(SlackLimits.AltText);
    }
}
