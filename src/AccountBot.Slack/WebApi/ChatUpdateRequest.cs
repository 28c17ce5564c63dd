using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>chat.update JSON body.</summary>
public sealed record ChatUpdateRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks);
