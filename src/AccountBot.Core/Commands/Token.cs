namespace AccountBot.Core.Commands;

/// <summary>A word of a command; quoted words never count as verbs or roles.</summary>
internal readonly record struct Token(string Text, bool Quoted);
