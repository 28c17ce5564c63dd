namespace AccountBot.Teams.Protocol;

/// <summary><c>error</c> of an <see cref="ErrorResponse"/>.</summary>
public sealed record ErrorDetail(string? Code, string? Message);
