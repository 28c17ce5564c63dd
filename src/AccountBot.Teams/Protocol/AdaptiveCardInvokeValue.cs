using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (an <c>Action.Execute</c>).</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }

    /// <summary><c>manual</c> (a click) or <c>automatic</c> (a refresh).</summary>
    public string? Trigger { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
