namespace AccountBot.Core.Views;

/// <summary>A short message, optionally with an example command to try.</summary>
public sealed record NoticeView(Tone Tone, string Text, string? Example = null) : Reply;
