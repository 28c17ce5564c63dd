using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>A stored <see cref="WorkspaceInstallation"/>, keyed by its <see cref="WorkspaceInstallation.Key"/>.</summary>
public sealed class WorkspaceInstallationDocument
{
    public string Id { get; set; } = string.Empty;
    public string? EnterpriseId { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public bool IsEnterpriseInstall { get; set; }
    /// <summary>As the adapter hands it over: Slack stores Data Protection ciphertext; a plain token only in files written before encryption, until the next start.</summary>
    public string BotToken { get; set; } = string.Empty;
    public string? BotUserId { get; set; }
    public string? AppId { get; set; }
    public string? Scopes { get; set; }
    public string? InstalledBy { get; set; }
    public DateTime InstalledAt { get; set; }

    public static WorkspaceInstallationDocument From(WorkspaceInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return new WorkspaceInstallationDocument
        {
            Id = installation.Key,
            EnterpriseId = installation.EnterpriseId,
            TeamId = installation.TeamId,
            TeamName = installation.TeamName,
            IsEnterpriseInstall = installation.IsEnterpriseInstall,
            BotToken = installation.BotToken,
            BotUserId = installation.BotUserId,
            AppId = installation.AppId,
            Scopes = installation.Scopes,
            InstalledBy = installation.InstalledBy,
            InstalledAt = StoredDates.ToStored(installation.InstalledAt),
        };
    }

    public WorkspaceInstallation ToDomain() => new()
    {
        Key = Id,
        EnterpriseId = EnterpriseId,
        TeamId = TeamId,
        TeamName = TeamName,
        IsEnterpriseInstall = IsEnterpriseInstall,
        BotToken = BotToken,
        BotUserId = BotUserId,
        AppId = AppId,
        Scopes = Scopes,
        InstalledBy = InstalledBy,
        InstalledAt = StoredDates.FromStored(InstalledAt),
    };
}
