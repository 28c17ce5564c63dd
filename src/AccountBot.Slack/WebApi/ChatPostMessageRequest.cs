using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>chat.postMessage JSON body.</summary>
/// <param name="Metadata">Message metadata (an event type and payload) that <c>conversations.history</c> returns with the message.</param>
public sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs, SlackMessageMetadata? Metadata = null);
