using AccountBot.Core.Access;
using AccountBot.Core.Logging;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Teams.Access;

/// <summary>
/// Decides, before any handler runs, whether a verified Teams activity may read or change anything. Its tenant must
/// be on <c>Teams:AllowedTenants</c> (when that is set). A message or invoke (typed commands, Action.Submit and
/// adaptiveCard/action alike) must come from a person of that tenant: not a guest or anonymous user, not a federated
/// or shared-channel user of another tenant, in a conversation whose <c>conversation.tenantId</c> and
/// <c>channelData.tenant.id</c> agree. A declined request stores nothing: no conversation address, no
/// blocked-conversation row, no map.
/// </summary>
public sealed class TeamsAccessGate
{
    /// <summary>The member lookup failed: the bot cannot tell an insider from an outsider, so it shows nothing.</summary>
    public const string CouldNotCheck = "AccountBot could not check your access just now, so nothing was read or saved. Please try again in a moment.";

    private readonly HashSet<Guid> _allowedTenants;
    private readonly TeamsMemberDirectory _members;
    private readonly ILogger<TeamsAccessGate> _logger;
    private readonly RejectionLog _rejections;

    public TeamsAccessGate(IOptions<TeamsOptions> options, TeamsMemberDirectory members, RejectionLog rejections, ILogger<TeamsAccessGate> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The validator has refused anything that is not a GUID.
        _allowedTenants = [.. options.Value.AllowedTenants.Select(ParseGuid).OfType<Guid>().Where(id => id != Guid.Empty)];
        _members = members;
        _logger = logger;
        _rejections = rejections;
    }

    /// <summary>Null when the request may go on; else what to tell the person (it has been logged once).</summary>
    public async Task<AccessRefusal?> CheckAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (!IsTenantAllowed(activity))
            return Decline(activity, AccessNotices.WorkspaceNotAllowed, "tenant not on Teams:AllowedTenants");

        // Installs and membership events read no map; a message without a tenant is refused by the bot itself.
        // Plain null tests rather than `is { Length: > 0 } x` patterns throughout: mutation testing cannot compile a
        // changed condition whose pattern variable is used later (issue #18).
        var tenant = activity.GetTenantId();
        if (!IsPersonAsking(activity) || string.IsNullOrEmpty(tenant))
            return null;

        var conversationTenant = activity.Conversation?.TenantId;
        if (!string.IsNullOrEmpty(conversationTenant) && !SameTenant(conversationTenant, tenant))
            return Decline(activity, AccessNotices.ExternalUser, "conversation.tenantId differs from channelData.tenant.id");
        if (string.IsNullOrEmpty(activity.From?.Id) || string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl))
            return Decline(activity, CouldNotCheck, "no sender, conversation or serviceUrl to look the sender up");

        TeamsChannelAccount? member;
        try
        {
            member = await _members.GetSenderAsync(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.MemberLookupFailed(_logger, ex);
            return Decline(activity, CouldNotCheck, "member lookup failed");
        }

        if (member is null)
            return Decline(activity, AccessNotices.ExternalUser, "sender is not a member of the conversation");
        var role = member.UserRole;
        if (!string.IsNullOrEmpty(role) && !string.Equals(role, UserRoles.User, StringComparison.OrdinalIgnoreCase))
            return Decline(activity, AccessNotices.ExternalUser, role.Length <= 16 ? "sender's userRole is " + role : "sender is not a user of the tenant");
        var memberTenant = member.TenantId;
        if (!string.IsNullOrEmpty(memberTenant) && !SameTenant(memberTenant, tenant))
            return Decline(activity, AccessNotices.ExternalUser, "sender belongs to another tenant");
        return null;
    }

    private static bool IsPersonAsking(Activity activity) =>
        string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase);

    /// <summary>The same GUID however written; text that is not a GUID equals only itself, ignoring case.</summary>
    private static bool SameTenant(string a, string b)
    {
        // Text equal to a GUID ignoring case is itself that GUID, so a GUID and a non-GUID never match either way.
        var x = ParseGuid(a);
        return x is null ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : x == ParseGuid(b);
    }

    private static Guid? ParseGuid(string? id) => Guid.TryParse(id, out var guid) ? guid : null;

    /// <summary>
    /// Every tenant the activity names (<c>channelData.tenant.id</c> and <c>conversation.tenantId</c>) must be
    /// allowed: a request naming an allowed tenant in one place and another tenant in the other is not let through.
    /// </summary>
    private bool IsTenantAllowed(Activity activity)
    {
        if (_allowedTenants.Count == 0)
            return true;
        var named = NamedTenants(activity);
        // Guid.Empty, what a non-GUID reads as, is never in the set.
        return named.Count > 0 && named.All(id => _allowedTenants.Contains(ParseGuid(id).GetValueOrDefault()));
    }

    private static List<string> NamedTenants(Activity activity) =>
        [.. new[] { activity.ChannelData?.Tenant?.Id, activity.Conversation?.TenantId }.OfType<string>().Where(id => id.Length > 0)];

    private AccessRefusal Decline(Activity activity, string notice, string reason)
    {
        // Tenant ids are not secrets; cut to a GUID's length all the same (it came from the request).
        var id = activity.GetTenantId();
        var tenant = string.IsNullOrEmpty(id) ? "(none)" : id[..Math.Min(id.Length, 36)];
        // One line a second per reason: a tenant that is not allowed must not flood the log.
        if (_rejections.ShouldLog("teams declined " + reason, out var count))
            Log.Declined(_logger, activity.Type, tenant, reason, count);
        return new AccessRefusal(notice, reason);
    }
}
