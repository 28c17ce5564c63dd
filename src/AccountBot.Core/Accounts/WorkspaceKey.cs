namespace AccountBot.Core.Accounts;

/// <summary>
/// The tenancy boundary: every map, setting and history entry belongs to exactly one workspace.
/// Teams: the Azure AD tenant id. Slack: the team id, prefixed by the enterprise id on Enterprise Grid.
/// </summary>
public readonly record struct WorkspaceKey
{
    private WorkspaceKey(string value) => Value = value;

    /// <summary>The stable string form, e.g. <c>teams:72f988bf…</c> or <c>slack:E01:T02</c>.</summary>
    public string Value { get; }

    public static WorkspaceKey ForTeams(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new WorkspaceKey("teams:" + tenantId.Trim().ToLowerInvariant());
    }

    public static WorkspaceKey ForSlack(string? enterpriseId, string teamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamId);
        return string.IsNullOrWhiteSpace(enterpriseId)
            ? new WorkspaceKey("slack:" + teamId.Trim())
            : new WorkspaceKey("slack:" + enterpriseId.Trim() + ":" + teamId.Trim());
    }

    /// <summary>Rebuilds a key from its <see cref="Value"/> (as stored).</summary>
    public static WorkspaceKey Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!value.StartsWith("teams:", StringComparison.Ordinal) && !value.StartsWith("slack:", StringComparison.Ordinal))
        {
            throw new FormatException($"'{value}' is not a workspace key (expected 'teams:…' or 'slack:…').");
        }

        return new WorkspaceKey(value);
    }

    public Platform Platform => Value.StartsWith("teams:", StringComparison.Ordinal) ? Platform.Teams : Platform.Slack;

    public override string ToString() => Value ?? string.Empty;
}
