namespace AccountBot.Core.Views;

/// <summary>How a notice should look.</summary>
public enum Tone
{
    Info,
    Success,
    Warning,
    Error,
}
