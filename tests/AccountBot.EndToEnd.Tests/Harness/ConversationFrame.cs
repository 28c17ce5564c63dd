using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// A frame of <c>/_ws_conversation/v1/conversations/stream</c>: what the chat UI shows.
/// <c>action</c> is <c>createMessage</c>, <c>updateMessage</c> or <c>typing</c>; bot messages and the
/// user's own channel posts appear here, user messages in chats do not.
/// </summary>
public sealed record ConversationFrame(string Action, string? ActionConversationId, ConversationMessage? Message)
{
    public const string CreateMessage = "createMessage";
    public const string UpdateMessage = "updateMessage";
    public const string Typing = "typing";

    [JsonIgnore]
    public JsonElement Raw { get; init; }

    public static ConversationFrame Parse(JsonElement raw) => PlaygroundJson.Parse<ConversationFrame>(raw) with { Raw = raw };

    public override string ToString() => PlaygroundJson.Short(Raw);
}
