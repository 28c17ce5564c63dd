namespace AccountBot.EndToEnd.Tests.Playground;

/// <summary>A channel of the team (<c>channelType</c> "standard").</summary>
public sealed record PlaygroundChannel(string Id, string Name, string? ChannelType);
