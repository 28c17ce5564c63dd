namespace AccountBot.Core.Views;

/// <summary>A heading and its lines in a <see cref="PictureView"/>'s text form.</summary>
public sealed record PictureSection(string Heading, IReadOnlyList<string> Lines);
