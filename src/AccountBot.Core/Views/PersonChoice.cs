namespace AccountBot.Core.Views;

/// <summary>One candidate of a "did you mean", with the command that picks them.</summary>
public sealed record PersonChoice(string Label, string Command);
