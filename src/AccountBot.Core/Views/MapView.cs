using AccountBot.Core.Accounts;

namespace AccountBot.Core.Views;

/// <summary>The map card: gaps first, people grouped by role, last review, and the map's actions.</summary>
public sealed record MapView(
    Guid MapId,
    string Name,
    MapKind Kind,
    string OwnerName,
    int Version,
    IReadOnlyList<CoverageGap> Gaps,
    IReadOnlyList<RoleGroup> Groups,
    int ActiveCount,
    Stamp Updated,
    Stamp? LastReviewed,
    int LinkedChannelCount) : Reply
{
    /// <summary>What just happened, e.g. "Ana added Jane Doe." (null when the map is only shown).</summary>
    public string? Notice { get; init; }

    /// <summary>Seen only in its linked channels and by its owner: the card says so.</summary>
    public bool IsPrivate { get; init; }
    /// <summary>The command of an Undo button for the change just made (a quick add); null: no Undo button.</summary>
    public string? UndoCommand { get; init; }

    /// <summary>After an import marked people as left: a button each that adds them to their new company's map.</summary>
    public IReadOnlyList<CommandButton> FollowButtons { get; init; } = [];

    /// <summary>The account name as commands should spell it (quoted when needed).</summary>
    public required string CommandName { get; init; }
}
