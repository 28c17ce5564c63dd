using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Admin;

/// <summary>Whether the asker is an admin: named in <see cref="AdminsOptions"/>, or an admin of the workspace by the platform's word.</summary>
public sealed class AdminGate(AdminsOptions options, IEnumerable<IWorkspaceAdmins> platforms)
{
    private readonly IWorkspaceAdmins[] _platforms = [.. platforms];

    public async Task<bool> IsAdminAsync(RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var platform = context.Workspace.Platform;
        var configured = platform == Platform.Slack ? options.Slack : options.Teams;
        if (configured.Contains(context.User.Id, StringComparer.Ordinal))
        {
            return true;
        }

        foreach (var source in _platforms.Where(p => p.Platform == platform))
        {
            if (await source.IsAdminAsync(context.Workspace, context.User.Id, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The setting that names admins on this platform, and whether the platform's own admins count too.</summary>
    public (string Platform, string WorkspaceAdmins) WhoMay(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var platform = context.Workspace.Platform;
        return (platform.ToString(), _platforms.Any(p => p.Platform == platform) ? Sentences.AdminWorkspaceAdminsToo : string.Empty);
    }
}
