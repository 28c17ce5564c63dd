namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>A channel of the team (<c>channelType</c> "standard").</summary>
public sealed record PlaygroundChannel(string Id, string Name, string? ChannelType);
