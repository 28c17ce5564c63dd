using AccountBot.Core.Accounts;

namespace AccountBot.Core.Commands;

/// <summary>Role names people type, with synonyms (MEDDICC words map onto the seven roles).</summary>
public static class RoleWords
{
    private static readonly Dictionary<string, Role> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["decision maker"] = Role.DecisionMaker,
        ["decisionmaker"] = Role.DecisionMaker,
        ["decision makers"] = Role.DecisionMaker,
        ["dm"] = Role.DecisionMaker,
        ["economic buyer"] = Role.DecisionMaker | Role.Signer,
        ["eb"] = Role.DecisionMaker | Role.Signer,
        ["influencer"] = Role.Influencer,
        ["influencers"] = Role.Influencer,
        ["end user"] = Role.EndUser,
        ["enduser"] = Role.EndUser,
        ["end users"] = Role.EndUser,
        ["user"] = Role.EndUser,
        ["gatekeeper"] = Role.Gatekeeper,
        ["gate keeper"] = Role.Gatekeeper,
        ["gatekeepers"] = Role.Gatekeeper,
        ["champion"] = Role.Champion,
        ["champions"] = Role.Champion,
        ["coach"] = Role.Champion,
        ["blocker"] = Role.Blocker,
        ["blockers"] = Role.Blocker,
        ["signer"] = Role.Signer,
        ["signers"] = Role.Signer,
        ["signatory"] = Role.Signer,
    };

    /// <summary>The longest phrase a role word can have, in words.</summary>
    public const int MaxWords = 2;

    public static bool TryParse(string phrase, out Role role)
    {
        role = Role.None;
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return false;
        }

        var normal = string.Join(' ', phrase.Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Words.TryGetValue(normal, out role);
    }

    public static string Known => "decision maker, influencer, end user, gatekeeper, champion, blocker, signer (also: economic buyer, coach)";
}
