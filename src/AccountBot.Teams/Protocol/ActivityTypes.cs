namespace AccountBot.Teams.Protocol;

/// <summary>The activity <c>type</c> values AccountBot reads or writes.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";

    /// <summary>The <c>type</c> Bot Framework gives an HTTP invoke response when it travels as an activity.</summary>
    public const string InvokeResponse = "invokeResponse";
}
