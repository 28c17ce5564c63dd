namespace AccountBot.Core.Views;

/// <summary>One row of an import preview: its line in the pasted text, who, and what (or what is wrong).</summary>
public sealed record ImportLine(int Line, string Name, string Detail);
