namespace AccountBot.Teams.Protocol;

/// <summary>Values of a Teams member's <c>userRole</c>.</summary>
public static class UserRoles
{
    /// <summary>A member of the tenant.</summary>
    public const string User = "user";

    /// <summary>An Entra B2B guest: an account of another organisation invited into the tenant.</summary>
    public const string Guest = "guest";

    /// <summary>Someone without an account in any tenant (e.g. a meeting's anonymous attendee).</summary>
    public const string Anonymous = "anonymous";
}
