using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// A message attachment. Inbound content stays raw JSON; outbound cards are built with
/// <see cref="Cards.CardAttachment"/>, which serialises the typed card into <see cref="Content"/>.
/// </summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }

    [JsonConverter(typeof(RawJsonElementConverter))]
    public JsonElement? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
