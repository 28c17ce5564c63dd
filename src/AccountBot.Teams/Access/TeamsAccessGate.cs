using AccountBot.Core.Access;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams.Access;

/// <summary>
/// Decides, before any handler runs, whether a verified Teams activity may read or change anything: its tenant must
/// be on <c>Teams:AllowedTenants</c> (when that is set). A declined request stores nothing: no conversation address,
/// no blocked-conversation row, no map.
/// </summary>
public sealed class TeamsAccessGate
{
    private readonly HashSet<Guid> _allowedTenants;
    private readonly ILogger<TeamsAccessGate> _logger;

    public TeamsAccessGate(IOptions<TeamsOptions> options, ILogger<TeamsAccessGate> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The validator has refused anything that is not a GUID.
        _allowedTenants = [.. options.Value.AllowedTenants.Select(id => Guid.TryParse(id, out var tenant) ? tenant : Guid.Empty).Where(id => id != Guid.Empty)];
        _logger = logger;
    }

    /// <summary>Null when the request may go on; else what to tell the person (it has been logged once).</summary>
    public Task<AccessRefusal?> CheckAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (!IsTenantAllowed(activity))
            return Task.FromResult<AccessRefusal?>(Decline(activity, new AccessRefusal(AccessNotices.WorkspaceNotAllowed, "tenant not on Teams:AllowedTenants")));
        return Task.FromResult<AccessRefusal?>(null);
    }

    /// <summary>
    /// Every tenant the activity names (<c>channelData.tenant.id</c> and <c>conversation.tenantId</c>) must be
    /// allowed: a request naming an allowed tenant in one place and another tenant in the other is not let through.
    /// </summary>
    private bool IsTenantAllowed(Activity activity)
    {
        if (_allowedTenants.Count == 0)
            return true;
        var named = NamedTenants(activity);
        return named.Count > 0 && named.All(id => Guid.TryParse(id, out var tenant) && _allowedTenants.Contains(tenant));
    }

    private static List<string> NamedTenants(Activity activity) =>
        [.. new[] { activity.ChannelData?.Tenant?.Id, activity.Conversation?.TenantId }.OfType<string>().Where(id => id.Length > 0)];

    private AccessRefusal Decline(Activity activity, AccessRefusal refusal)
    {
        // Tenant ids are not secrets; cut to a GUID's length all the same (it came from the request).
        var tenant = activity.GetTenantId() is { Length: > 0 } id ? id[..Math.Min(id.Length, 36)] : "(none)";
        Log.Declined(_logger, activity.Type, tenant, refusal.Reason);
        return refusal;
    }

    /// <summary>
    /// Sends <paramref name="refusal"/> as a reply to a declined message. A failure is only logged, and a 403
    /// MessageWritesBlocked is not recorded: nothing is stored for a declined request.
    /// </summary>
    public async Task SendNoticeAsync(TeamsTurn turn, AccessRefusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(refusal);
        try
        {
            await turn.ReplyWithoutRecordingAsync(Activity.CreateMessage(refusal.Notice), cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or ConversationBlockedException or HttpRequestException)
        {
            Log.NoticeNotDelivered(_logger, ex);
        }
    }
}
