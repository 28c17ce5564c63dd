namespace AccountBot.Testing.Teams;

/// <summary>A request the <see cref="FakeConnector"/> received; <see cref="RawTarget"/> is exactly as sent (still escaped).</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body);
