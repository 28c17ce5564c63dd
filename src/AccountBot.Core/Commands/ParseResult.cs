namespace AccountBot.Core.Commands;

/// <summary>Either a command or a helpful message with an example; parsing never throws.</summary>
public sealed record ParseResult
{
    private ParseResult(BotCommand? command, string? error, string? example)
    {
        Command = command;
        Error = error;
        Example = example;
    }

    public BotCommand? Command { get; }
    public string? Error { get; }
    public string? Example { get; }
    public bool Succeeded => Command is not null;

    public static ParseResult Ok(BotCommand command) => new(command, null, null);

    public static ParseResult Fail(string error, string example) => new(null, error, example);
}
