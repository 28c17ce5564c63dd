using AccountBot.Core.Accounts;

namespace AccountBot.Core.Views;

/// <summary>One map in <see cref="MapListView"/>.</summary>
public sealed record MapListEntry(
    string Name,
    string CommandName,
    MapKind Kind,
    string OwnerName,
    int ActiveCount,
    IReadOnlyList<CoverageGap> Gaps,
    DateTimeOffset LastActivity);
