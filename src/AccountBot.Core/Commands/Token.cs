namespace AccountBot.Core.Commands;

/// <summary>A word of a command; quoted words never count as verbs or roles. <see cref="End"/>: where it ends in the raw text.</summary>
internal readonly record struct Token(string Text, bool Quoted, int End = 0);
