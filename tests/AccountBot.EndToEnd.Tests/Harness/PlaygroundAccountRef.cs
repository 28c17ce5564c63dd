namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>An account as the Playground refers to it in frames: just the id.</summary>
public sealed record PlaygroundAccountRef(string Id);
