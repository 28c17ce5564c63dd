namespace AccountBot.Teams.Protocol;

/// <summary>The answer to creating a conversation (a new channel thread): its id and the first message's id.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl = null);
