namespace AccountBot.Testing.Teams;

/// <summary>A request the <see cref="FakeConnector"/> received; <see cref="RawTarget"/> is exactly as sent (still escaped).</summary>
/// <param name="Cookie">The Cookie header, if the client sent one.</param>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, string? Cookie = null);
