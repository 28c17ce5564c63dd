namespace AccountBot.Teams.Protocol;

/// <summary>A person in a message action's message (<c>from.user</c>, <c>mentioned.user</c>).</summary>
public sealed record MessageActionUser
{
    public string? Id { get; init; }

    public string? DisplayName { get; init; }
}
