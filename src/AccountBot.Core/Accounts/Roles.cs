using AccountBot.Core.Text;

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
        Role.DecisionMaker => Sentences.RoleDecisionMaker,
        Role.Influencer => Sentences.RoleInfluencer,
        Role.EndUser => Sentences.RoleEndUser,
        Role.Gatekeeper => Sentences.RoleGatekeeper,
        Role.Champion => Sentences.RoleChampion,
        Role.Blocker => Sentences.RoleBlocker,
        Role.Signer => Sentences.RoleSigner,
        _ => role.ToString(),
    };

    /// <summary>The MEDDICC words that map onto a role, shown as help text (not a second taxonomy).</summary>
    public static string? MeddiccHint(Role role) => role switch
    {
        Role.DecisionMaker => Sentences.RoleHintDecisionMaker,
        Role.Signer => Sentences.RoleHintSigner,
        Role.Champion => Sentences.RoleHintChampion,
        _ => null,
    };

    /// <summary>The single roles set in <paramref name="roles"/>, in display order.</summary>
    public static IReadOnlyList<Role> Split(Role roles) => [.. All.Where(r => (roles & r) == r)];

    public static string Describe(Role roles) =>
        roles == Role.None ? Sentences.RoleNone : string.Join(", ", Split(roles).Select(DisplayName));
}
