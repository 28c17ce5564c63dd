using AccountBot.Core.Abstractions;

namespace AccountBot.Adapters.Installations;

/// <summary>
/// A chat app installed in one workspace (or, on Slack Enterprise Grid, a whole org): what an adapter needs to
/// act there. <see cref="BotToken"/> is a secret: never log it; <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record WorkspaceInstallation
{
    /// <summary>See <see cref="KeyFor"/>: <c>slack:T01</c>, <c>slack:E01:T01</c>, or <c>slack:E01:*</c> for an org-wide install.</summary>
    public required string Key { get; init; }

    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    /// <summary>
    /// The token as the adapter hands it to storage: the Slack adapter encrypts it (ASP.NET Core Data Protection)
    /// before saving, so stores and their files only ever hold ciphertext.
    /// </summary>
    public required string BotToken { get; init; }
    public string? BotUserId { get; init; }
    public string? AppId { get; init; }
    public string? Scopes { get; init; }
    public string? InstalledBy { get; init; }
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>
    /// The stable key of an installation: the workspace key's form (<c>slack:</c>[enterprise<c>:</c>]team), with
    /// <c>*</c> for the team of an org-wide install, which covers every workspace of the enterprise.
    /// </summary>
    public static string KeyFor(string platformPrefix, string? enterpriseId, string? teamId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platformPrefix);
        if (string.IsNullOrWhiteSpace(enterpriseId) && string.IsNullOrWhiteSpace(teamId))
        {
            throw new ArgumentException("An installation needs a team id, an enterprise id, or both.", nameof(teamId));
        }

        var team = string.IsNullOrWhiteSpace(teamId) ? "*" : teamId.Trim();
        return string.IsNullOrWhiteSpace(enterpriseId) ? $"{platformPrefix}:{team}" : $"{platformPrefix}:{enterpriseId.Trim()}:{team}";
    }

    public override string ToString() => $"WorkspaceInstallation {{ Key = {Key}, BotUserId = {BotUserId}, AppId = {AppId}, BotToken = *** }}";
}
