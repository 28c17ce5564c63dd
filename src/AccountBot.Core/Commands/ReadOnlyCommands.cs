namespace AccountBot.Core.Commands;

/// <summary>
/// The commands that only show something (a map, a picture, its history, the list, the home, help) and text that
/// did not parse: they change nothing, so their answer can simply be asked for again. An adapter need not keep such an
/// answer through a crash (see the Teams turn's <c>MarkReadOnly</c>); every other command's answer reports, or leads
/// to, a change and is kept.
/// </summary>
public static class ReadOnlyCommands
{
    /// <summary>Whether <paramref name="command"/> changes nothing stored.</summary>
    public static bool Contains(BotCommand command) =>
        command is InvalidCommand or ShowHelp or ListMaps or ShowHome or ShowMap or ShowPicture or ShowHistory;
}
