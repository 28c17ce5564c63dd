namespace AccountBot.Core.Views;

/// <summary>The workspace's maps, worst gaps first.</summary>
public sealed record MapListView(IReadOnlyList<MapListEntry> Maps, int TotalCount) : Reply;
