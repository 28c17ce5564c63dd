namespace AccountBot.Teams.Protocol;

/// <summary>Who wrote or is mentioned in a message action's message: a user, or an app, channel or team (<c>application</c>, <c>conversation</c>).</summary>
public sealed record MessageActionIdentity
{
    /// <summary>Null when the identity is not a person (an app, a channel or team mention).</summary>
    public MessageActionUser? User { get; init; }
}
