namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// One line of the Playground's log panel. Calls to the bot have <c>from</c> "Microsoft 365 Agents Playground",
/// <c>to</c> "User Application"; the bot's connector calls the reverse. Text lines have only
/// <see cref="DisplayText"/> (and maybe <see cref="Level"/>).
/// </summary>
public sealed record LogEntry(
    string Id,
    string? ConversationId,
    long Timestamp,
    string? ActivityName,
    string? MessageId,
    string? From,
    string? To,
    LogExchange? Request,
    LogExchange? Response,
    string? DisplayText,
    string? Type,
    string? Level)
{
    public const string Playground = "Microsoft 365 Agents Playground";
    public const string Bot = "User Application";

    /// <summary>True for a call the Playground made to the bot's endpoint.</summary>
    public bool IsCallToBot => From == Playground && To == Bot;
}
