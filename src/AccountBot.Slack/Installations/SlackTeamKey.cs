namespace AccountBot.Slack.Installations;

/// <summary>
/// Which installation a request belongs to: a workspace (<see cref="TeamId"/>, in an Enterprise Grid also
/// <see cref="EnterpriseId"/>), or a whole org for an org-wide install (<see cref="TeamId"/> null).
/// </summary>
public readonly record struct SlackTeamKey(string? EnterpriseId, string? TeamId)
{
    public override string ToString() => $"{EnterpriseId ?? "-"}/{TeamId ?? "-"}";
}
