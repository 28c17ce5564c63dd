using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>chat.postMessage JSON body.</summary>
public sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);
