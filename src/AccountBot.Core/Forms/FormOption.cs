namespace AccountBot.Core.Forms;

/// <summary>One choice of a choice field: the value sent back, the label shown, and an optional hint under it.</summary>
public sealed record FormOption(string Value, string Label, string? Hint = null);
