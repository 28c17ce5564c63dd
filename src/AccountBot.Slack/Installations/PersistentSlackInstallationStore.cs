using System.Security.Cryptography;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Installations;

/// <summary>
/// <see cref="ISlackInstallationStore"/> over the core's <see cref="IWorkspaceInstallationStore"/> port (LiteDB in the
/// host), so OAuth installs survive restarts. Keys are <c>slack:</c>[enterprise<c>:</c>]team, <c>slack:E…:*</c> for
/// an org-wide install. Bot tokens are encrypted with ASP.NET Core Data Protection before they reach the port and
/// decrypted here only: storage, its files and backups hold ciphertext, useless without the key ring.
/// </summary>
public sealed class PersistentSlackInstallationStore(
    IWorkspaceInstallationStore store, IDataProtectionProvider dataProtection, ILogger<PersistentSlackInstallationStore> logger) : ISlackInstallationStore
{
    /// <summary>Data Protection purpose of stored bot tokens: a key derived for this use alone.</summary>
    public const string Purpose = "AccountBot.Slack.Installations.BotToken.v1";

    // Marks a stored token as protected; anything else was written in plain text by a version before encryption.
    private const string ProtectedPrefix = "dp1:";
    private const string Prefix = "slack";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public async ValueTask<SlackInstallation?> FindAsync(SlackTeamKey key, CancellationToken cancellationToken)
    {
        if (key.TeamId is not null && await store.GetAsync(KeyOf(key), cancellationToken) is { } exact)
            return ToSlack(exact);
        if (key.EnterpriseId is not null && await store.GetAsync(KeyOf(key with { TeamId = null }), cancellationToken) is { } orgWide)
            return ToSlack(orgWide);
        return null;
    }

    public Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return store.SaveAsync(new WorkspaceInstallation
        {
            Key = KeyOf(installation.Key),
            EnterpriseId = installation.EnterpriseId,
            TeamId = installation.TeamId,
            TeamName = installation.TeamName,
            IsEnterpriseInstall = installation.IsEnterpriseInstall,
            BotToken = Protect(installation.BotToken),
            BotUserId = installation.BotUserId,
            AppId = installation.AppId,
            Scopes = installation.Scopes,
            InstalledAt = installation.InstalledAt,
        }, cancellationToken);
    }

    public Task DeleteAsync(SlackTeamKey key, CancellationToken cancellationToken) =>
        key.EnterpriseId is null && key.TeamId is null ? Task.CompletedTask : store.DeleteAsync(KeyOf(key), cancellationToken);

    /// <summary>
    /// Encrypts the tokens that earlier versions stored in plain text; returns how many. Run at start-up; running it
    /// again changes nothing.
    /// </summary>
    public async Task<int> ProtectStoredTokensAsync(CancellationToken cancellationToken)
    {
        var protectedCount = 0;
        foreach (var installation in await store.ListAsync(Prefix, cancellationToken))
        {
            if (installation.BotToken.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
                continue;
            await store.SaveAsync(installation with { BotToken = Protect(installation.BotToken) }, cancellationToken);
            protectedCount++;
        }

        if (protectedCount > 0)
            Log.TokensProtected(logger, protectedCount);
        return protectedCount;
    }

    private static string KeyOf(SlackTeamKey key) => WorkspaceInstallation.KeyFor(Prefix, key.EnterpriseId, key.TeamId);

    private string Protect(string token) => ProtectedPrefix + _protector.Protect(token);

    /// <summary>
    /// The plain token, or null when it cannot be decrypted (the key ring it was stored with is gone): the workspace
    /// then acts as not installed, and installing the app again stores a token under the current key ring.
    /// </summary>
    private string? Unprotect(WorkspaceInstallation stored)
    {
        if (!stored.BotToken.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
            return stored.BotToken; // Plain text from an earlier version, until ProtectStoredTokensAsync has run.
        try
        {
            return _protector.Unprotect(stored.BotToken[ProtectedPrefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            // The exception says which key is missing, never the payload.
            Log.TokenUnreadable(logger, stored.Key, ex);
            return null;
        }
    }

    private SlackInstallation? ToSlack(WorkspaceInstallation i) => Unprotect(i) is not { } token ? null : new()
    {
        EnterpriseId = i.EnterpriseId,
        TeamId = i.TeamId,
        TeamName = i.TeamName,
        IsEnterpriseInstall = i.IsEnterpriseInstall,
        BotToken = token,
        BotUserId = i.BotUserId,
        AppId = i.AppId,
        Scopes = i.Scopes,
        InstalledAt = i.InstalledAt,
    };
}
