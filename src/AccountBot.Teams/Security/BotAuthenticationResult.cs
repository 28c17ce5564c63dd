using System.Security.Claims;

namespace AccountBot.Teams.Security;

/// <summary>
/// The outcome of checking an inbound request. <see cref="IsAllowed"/> says whether to dispatch it;
/// <see cref="RejectionReason"/> is for logs only (it never contains the token) and never for the
/// HTTP response.
/// </summary>
public sealed record BotAuthenticationResult
{
    private BotAuthenticationResult(bool isAuthenticated, bool isAllowed, string? rejectionReason, ClaimsIdentity? identity)
    {
        IsAuthenticated = isAuthenticated;
        IsAllowed = isAllowed;
        RejectionReason = rejectionReason;
        Identity = identity;
    }

    /// <summary>The token was valid for this activity.</summary>
    public bool IsAuthenticated { get; }

    /// <summary>Authenticated, or let through by the development-only bypass.</summary>
    public bool IsAllowed { get; }

    public string? RejectionReason { get; }

    public ClaimsIdentity? Identity { get; }

    public static BotAuthenticationResult Authenticated(ClaimsIdentity identity) => new(true, true, null, identity);

    /// <summary>No credentials are configured and <c>Teams:DangerouslyAllowUnauthenticatedRequests</c> is on.</summary>
    public static BotAuthenticationResult DevelopmentBypass() => new(false, true, null, null);

    public static BotAuthenticationResult Rejected(string reason) => new(false, false, reason, null);
}
