using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Admin;

/// <summary>
/// Finds the map an admin command names: an admin finds private maps too; anyone else finds only what they may see, so a
/// private map stays missing for them rather than refused (a refusal would say it exists).
/// </summary>
public sealed class AdminMapLookup(IAccountMapStore store, AdminGate gate) : MapCommandHandler(store)
{
    public AdminGate Gate => gate;

    public async Task<(AccountMap? Map, Reply? NotFound, bool IsAdmin)> FindWithRoleAsync(RequestContext context, string account, CancellationToken cancellationToken)
    {
        var isAdmin = await gate.IsAdminAsync(context, cancellationToken);
        var (map, notFound) = await FindAsync(context, account, seesPrivate: isAdmin, cancellationToken);
        return (map, notFound, isAdmin);
    }

    /// <summary>
    /// The map for a command only admins may give (<paramref name="what"/> names it in the refusal); otherwise the answer
    /// instead: the map is missing (or private to them), or they are not an admin.
    /// </summary>
    public async Task<(AccountMap? Map, Reply? Answer)> FindForAdminAsync(RequestContext context, string account, string what, CancellationToken cancellationToken)
    {
        var (map, notFound, isAdmin) = await FindWithRoleAsync(context, account, cancellationToken);
        if (map is null)
        {
            return (null, notFound);
        }

        return isAdmin ? (map, null) : (null, Refusal(context, what));
    }

    /// <summary>The refusal for someone who is not an admin: what only admins may do, and who they are.</summary>
    public NoticeView Refusal(RequestContext context, string what)
    {
        var (platform, workspaceAdmins) = gate.WhoMay(context);
        return new NoticeView(Tone.Warning, AdminTexts.OnlyAdmins(what, platform, workspaceAdmins));
    }
}
