using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// The <c>value</c> of a message extension action invoke (<c>composeExtension/fetchTask</c>, <c>…/submitAction</c>):
/// which command, where it was run (<c>message</c> for a message action), the message it was run on, and on submit the
/// dialog's <c>data</c> (the card's submit data merged with its inputs).
/// </summary>
public sealed record MessageActionValue
{
    public string? CommandId { get; init; }

    /// <summary><c>message</c>, <c>compose</c> or <c>commandbox</c>.</summary>
    public string? CommandContext { get; init; }

    public MessageActionPayload? MessagePayload { get; init; }

    /// <summary>On submit: the dialog card's submit data and inputs.</summary>
    public JsonElement? Data { get; init; }

    /// <summary><c>edit</c> or <c>send</c> for a bot message preview (not used by AccountBot).</summary>
    public string? BotMessagePreviewAction { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
