namespace AccountBot.Testing.Teams;

/// <summary>A scripted answer of the <see cref="FakeConnector"/>.</summary>
public sealed record FakeConnectorResponse(int Status, string? Body, string? RetryAfter);
