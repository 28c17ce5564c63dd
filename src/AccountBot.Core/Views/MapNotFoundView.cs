namespace AccountBot.Core.Views;

/// <summary>The requested map does not exist: offer to create it and suggest near matches.</summary>
public sealed record MapNotFoundView(string RequestedName, IReadOnlyList<string> Suggestions) : Reply
{
    /// <summary>The command that creates the map (the create button sends it).</summary>
    public required string CreateCommand { get; init; }
}
