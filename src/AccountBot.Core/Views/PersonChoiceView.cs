namespace AccountBot.Core.Views;

/// <summary>"Did you mean": a person could not be matched, or matched several people.</summary>
public sealed record PersonChoiceView(string Text, IReadOnlyList<PersonChoice> Choices) : Reply;
