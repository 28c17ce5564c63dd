namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>A personal or group chat; <see cref="Members"/> is null for the personal chat.</summary>
public sealed record PlaygroundChat(string Id, string Name, IReadOnlyList<string>? Members);
