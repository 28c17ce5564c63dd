namespace AccountBot.Teams.Protocol;

/// <summary>
/// What a proactive send needs to reach a conversation again. Store one per conversation; take it
/// only from a validated request (<see cref="Activity.GetConversationReference"/>).
/// </summary>
public sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }

    public required string ChannelId { get; init; }

    public required ConversationAccount Conversation { get; init; }

    /// <summary>The bot (the inbound activity's recipient).</summary>
    public ChannelAccount? Bot { get; init; }

    /// <summary>The user who spoke (the inbound activity's sender).</summary>
    public ChannelAccount? User { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The inbound activity's id, i.e. what a reply would thread under.</summary>
    public string? ActivityId { get; init; }

    public string? Locale { get; init; }
}
