namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>The single simulated team; its first channel is General, whose id equals the team id.</summary>
public sealed record PlaygroundTeam(
    string Id, string Name, string? AadGroupId, IReadOnlyList<PlaygroundChannel> Channels, IReadOnlyList<string>? Members);
