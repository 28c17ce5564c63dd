namespace AccountBot.Teams.Protocol;

/// <summary>Invoke <c>name</c> values.</summary>
public static class InvokeNames
{
    /// <summary>Sent by an Adaptive Card <c>Action.Execute</c>.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>A message extension's action command asks for its dialog (<c>fetchTask: true</c> in the manifest).</summary>
    public const string FetchTask = "composeExtension/fetchTask";

    /// <summary>A message extension's dialog was submitted (<c>value.data</c> holds the card's inputs).</summary>
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The prefix every message extension invoke shares; their answers are task or compose-extension responses.</summary>
    public const string ComposeExtensionPrefix = "composeExtension/";

    /// <summary>True for the message extension invokes (<c>composeExtension/…</c>).</summary>
    public static bool IsComposeExtension(string? name) =>
        name is not null && name.StartsWith(ComposeExtensionPrefix, StringComparison.OrdinalIgnoreCase);
}
