namespace AccountBot.Teams.Protocol;

/// <summary>Invoke <c>name</c> values.</summary>
public static class InvokeNames
{
    /// <summary>Sent by an Adaptive Card <c>Action.Execute</c>.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
