namespace AccountBot.Core.Views;

/// <summary>A person offered in a picker (reports-to, related-to).</summary>
public sealed record PersonOption(Guid Id, string Name);
