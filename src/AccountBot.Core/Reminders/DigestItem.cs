using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Core.Reminders;

/// <summary>One account in a digest: what is wrong in one line, whom to mention, and the buttons' commands.</summary>
public sealed record DigestItem
{
    public required Guid MapId { get; init; }
    public required string Name { get; init; }

    /// <summary>The account owner, mentioned in the digest.</summary>
    public required UserRef Owner { get; init; }

    /// <summary>The gaps, most serious first (a missing champion leads).</summary>
    public required IReadOnlyList<CoverageGap> Gaps { get; init; }

    /// <summary>What is wrong in one line, e.g. "no champion; no signer; not reviewed for 41 days".</summary>
    public required string Summary { get; init; }

    /// <summary>The weight the digest is sorted by (<see cref="CoverageAnalyzer.Severity"/>); higher is worse.</summary>
    public required int Severity { get; init; }

    /// <summary>The account name as commands should spell it (quoted when needed).</summary>
    public required string CommandName { get; init; }

    /// <summary>The "Open map" button: <c>map Acme Corp</c>.</summary>
    public string OpenCommand => CommandText.Map(CommandName).Open;

    /// <summary>The "Mark reviewed" button: <c>map Acme Corp reviewed</c>.</summary>
    public string ReviewedCommand => CommandText.Map(CommandName).Reviewed;

    /// <summary>The "Snooze a week" button: quiets this account in the channel the button is pressed in.</summary>
    public string SnoozeCommand => CommandText.Map(CommandName).Snooze;
}
