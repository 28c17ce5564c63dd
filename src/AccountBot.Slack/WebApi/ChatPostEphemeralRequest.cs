using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>chat.postEphemeral JSON body.</summary>
public sealed record ChatPostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs);
