namespace AccountBot.Teams.Connector;

/// <summary>Teams answered 403 MessageWritesBlocked for this conversation (or it was blocked before): stop sending there.</summary>
public sealed class ConversationBlockedException : Exception
{
    public ConversationBlockedException(string conversationId)
        : base($"Teams blocks messages from the bot in conversation {conversationId} (uninstalled or blocked).")
    {
        ConversationId = conversationId;
    }

    public ConversationBlockedException()
    {
    }

    public ConversationBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? ConversationId { get; }
}
