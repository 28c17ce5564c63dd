namespace AccountBot.Core.Features.Capture;

/// <summary>How a person was written in a message: a chat mention, or a <c>Name, Title</c> line.</summary>
public enum CaptureSource
{
    Mention,
    NameTitleLine,
}

/// <summary>
/// A person a message names in a way that says "this is a person" (a mention or a <c>Name, Title</c> line): offered
/// in the capture form, never guessed from prose. <see cref="UserId"/> is the chat user of a mention whose name the
/// platform did not spell out (a bare Slack <c>&lt;@U123&gt;</c>): the adapter resolves it to a name.
/// </summary>
public sealed record CaptureSuggestion(string Name, string? Title, CaptureSource Source, string? UserId = null);
