namespace AccountBot.Teams.Protocol;

/// <summary>The connector's 201 answer to a send: <see cref="Id"/> is the new message's id (the
/// <c>replyToId</c> of later card actions, and the id to update).</summary>
public sealed record ResourceResponse(string? Id);
