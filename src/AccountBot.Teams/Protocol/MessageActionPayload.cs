using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>The message a message action was run on (<c>value.messagePayload</c>): its body, author, mentions and link.</summary>
public sealed record MessageActionPayload
{
    public string? Id { get; init; }

    /// <summary>A deep link to the message (<c>https://teams.microsoft.com/l/message/…</c>).</summary>
    public string? LinkToMessage { get; init; }

    public MessageActionBody? Body { get; init; }

    public MessageActionIdentity? From { get; init; }

    /// <summary>The mentions in <see cref="Body"/>: <c>&lt;at id="N"&gt;</c> there is the entry whose <see cref="MessageActionMention.Id"/> is N.</summary>
    public IReadOnlyList<MessageActionMention>? Mentions { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
