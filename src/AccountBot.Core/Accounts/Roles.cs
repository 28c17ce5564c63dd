namespace AccountBot.Core.Accounts;

/// <summary>Display names, MEDDICC help text and a stable order for <see cref="Role"/>.</summary>
public static class Roles
{
    /// <summary>The seven roles in the order the product shows them.</summary>
    public static IReadOnlyList<Role> All { get; } =
    [
        Role.DecisionMaker, Role.Signer, Role.Champion, Role.Influencer, Role.Blocker, Role.Gatekeeper, Role.EndUser,
    ];

    public static string DisplayName(Role role) => role switch
    {
        Role.DecisionMaker => "Decision maker",
        Role.Influencer => "Influencer",
        Role.EndUser => "End user",
        Role.Gatekeeper => "Gatekeeper",
        Role.Champion => "Champion",
        Role.Blocker => "Blocker",
        Role.Signer => "Signer",
        _ => role.ToString(),
    };

    /// <summary>The MEDDICC words that map onto a role, shown as help text (not a second taxonomy).</summary>
    public static string? MeddiccHint(Role role) => role switch
    {
        Role.DecisionMaker => "MEDDICC: Economic buyer (with Signer)",
        Role.Signer => "MEDDICC: Economic buyer (with Decision maker)",
        Role.Champion => "MEDDICC: Champion / Coach",
        _ => null,
    };

    /// <summary>The single roles set in <paramref name="roles"/>, in display order.</summary>
    public static IReadOnlyList<Role> Split(Role roles) => [.. All.Where(r => (roles & r) == r)];

    public static string Describe(Role roles) =>
        roles == Role.None ? "no role" : string.Join(", ", Split(roles).Select(DisplayName));
}
