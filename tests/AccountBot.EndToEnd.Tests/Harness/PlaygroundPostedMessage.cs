namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// The Playground's 200 answer to a user message, given before the bot is called (so it says nothing about
/// the bot). In a channel <see cref="PostConversationId"/> is the thread, <c>{channelId};messageid={MessageId}</c>,
/// which is the <c>conversation.id</c> the bot sees.
/// </summary>
public sealed record PlaygroundPostedMessage(string MessageId, long Timestamp, string? PostConversationId);
