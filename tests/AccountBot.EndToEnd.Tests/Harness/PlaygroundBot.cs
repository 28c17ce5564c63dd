namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>The bot's account: <c>recipient</c> of every activity, and whom a channel message must mention.</summary>
public sealed record PlaygroundBot(string Id, string Name);
