namespace AccountBot.Core.Accounts;

/// <summary>One computed gap in a map's coverage, with the sentence people read.</summary>
public sealed record CoverageGap(CoverageGapKind Kind, string Message, Guid? StakeholderId = null);
