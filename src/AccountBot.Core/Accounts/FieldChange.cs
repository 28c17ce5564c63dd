namespace AccountBot.Core.Accounts;

/// <summary>One field of a change: its name and the values before and after (as shown to people).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
