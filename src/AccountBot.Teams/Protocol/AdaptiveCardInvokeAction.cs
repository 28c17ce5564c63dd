using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary><c>value.action</c> of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Verb { get; init; }

    /// <summary>The action's <c>data</c> merged with the card's input values (by input id).</summary>
    public JsonElement? Data { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
