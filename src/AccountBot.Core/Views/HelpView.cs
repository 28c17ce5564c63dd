namespace AccountBot.Core.Views;

/// <summary>The help card: what AccountBot does and example commands.</summary>
public sealed record HelpView(IReadOnlyList<HelpExample> Examples, string? Lead = null) : Reply;
