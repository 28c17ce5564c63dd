namespace AccountBot.Teams.Protocol;

/// <summary>The connector's error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail? Error);
