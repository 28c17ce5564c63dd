namespace AccountBot.Core.Views;

/// <summary>One example command and what it does.</summary>
public sealed record HelpExample(string Command, string Description);
