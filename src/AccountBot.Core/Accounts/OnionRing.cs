namespace AccountBot.Core.Accounts;

/// <summary>
/// The stakeholder onion: ring 1 decision makers and signers, ring 2 champions, influencers and
/// blockers, ring 3 end users and gatekeepers, ring 4 everyone else. A person sits in the innermost
/// ring any of their roles puts them in.
/// </summary>
public static class OnionRing
{
    public const int Innermost = 1;
    public const int Outermost = 4;

    public static int For(Role roles)
    {
        if ((roles & (Role.DecisionMaker | Role.Signer)) != 0)
        {
            return 1;
        }

        if ((roles & (Role.Champion | Role.Influencer | Role.Blocker)) != 0)
        {
            return 2;
        }

        return (roles & (Role.EndUser | Role.Gatekeeper)) != 0 ? 3 : 4;
    }

    public static string DisplayName(int ring) => ring switch
    {
        1 => Text.Sentences.RingDecisionMakers,
        2 => Text.Sentences.RingChampions,
        3 => Text.Sentences.RingEndUsers,
        _ => Text.Sentences.RingEveryoneElse,
    };
}
