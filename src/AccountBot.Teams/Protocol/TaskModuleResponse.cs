using System.Text.Json;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// The answer to a message extension action invoke that shows or keeps a dialog: <c>{"task":{"type":"continue","value":
/// {title, card…}}}</c> shows a card in the dialog; <c>{"task":{"type":"message","value":"…"}}</c> shows one line.
/// </summary>
public sealed record TaskModuleResponse(TaskModuleResult Task)
{
    public const string ContinueType = "continue";
    public const string MessageType = "message";

    /// <summary>The dialog shows <paramref name="info"/>'s card.</summary>
    public static TaskModuleResponse Continue(TaskInfo info) =>
        new(new TaskModuleResult(ContinueType, JsonSerializer.SerializeToElement(info, TeamsJsonContext.Default.TaskInfo)));

    /// <summary>The dialog shows <paramref name="text"/> as a message.</summary>
    public static TaskModuleResponse Message(string text) =>
        new(new TaskModuleResult(MessageType, JsonSerializer.SerializeToElement(text, TeamsJsonContext.Default.String)));
}
