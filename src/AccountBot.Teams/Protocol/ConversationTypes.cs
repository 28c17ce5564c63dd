namespace AccountBot.Teams.Protocol;

/// <summary>Values of <c>conversation.conversationType</c>, and the stored type of a shared channel's address.</summary>
public static class ConversationTypes
{
    public const string Channel = "channel";

    public const string Personal = "personal";

    /// <summary>The stored type of a Teams shared channel's address: nothing with map content is posted there.</summary>
    public const string SharedChannel = "sharedChannel";
}
