namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>A simulated user (<c>userPrincipleName</c> is the Playground's spelling).</summary>
public sealed record PlaygroundUser(
    string Id, string Name, string? UserPrincipleName, string? AadObjectId, string? GivenName, string? Surname, string? Email);
