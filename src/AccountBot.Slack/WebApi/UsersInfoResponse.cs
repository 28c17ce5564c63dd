namespace AccountBot.Slack.WebApi;

/// <summary>users.info: one member of the workspace.</summary>
public sealed record UsersInfoResponse : SlackApiResponse
{
    public SlackUser? User { get; init; }
}

public sealed record SlackUser
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? RealName { get; init; }
    public SlackUserProfile? Profile { get; init; }

    /// <summary>A workspace admin.</summary>
    public bool IsAdmin { get; init; }

    /// <summary>A workspace owner (the primary owner is one too).</summary>
    public bool IsOwner { get; init; }

    /// <summary>What people see in Slack: the display name, else the real name, else the handle.</summary>
    public string? ShownName =>
        new[] { Profile?.DisplayName, Profile?.RealName, RealName, Name }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();
}

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
}
