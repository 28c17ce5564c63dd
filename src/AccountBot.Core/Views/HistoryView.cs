using AccountBot.Core.Accounts;

namespace AccountBot.Core.Views;

/// <summary>Recent changes to a map, newest first.</summary>
public sealed record HistoryView(string MapName, string CommandName, IReadOnlyList<HistoryEntry> Entries) : Reply;
