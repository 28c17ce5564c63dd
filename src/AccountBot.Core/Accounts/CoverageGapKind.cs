namespace AccountBot.Core.Accounts;

/// <summary>The kinds of coverage gap, most serious first (the order lists and digests use).</summary>
public enum CoverageGapKind
{
    NoChampion,
    ChampionLeft,
    NoDecisionMaker,
    NoSigner,
    BlockerWithoutNextStep,
    OverdueNextStep,
    SingleThreaded,
    WeakChampion,
    HighPowerWithoutOwner,
    StaleMap,
    StaleContact,
}
