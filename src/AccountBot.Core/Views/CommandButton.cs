namespace AccountBot.Core.Views;

/// <summary>A button that runs a command, with the words it shows.</summary>
public sealed record CommandButton(string Label, string Command);
