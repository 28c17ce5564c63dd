namespace AccountBot.Teams.Protocol;

/// <summary>The <c>value</c> of an <c>application/vnd.microsoft.error</c> invoke response.</summary>
public sealed record InvokeError(string Code, string Message);
