namespace AccountBot.Core.Workspaces;

/// <summary>How many records of each kind a workspace has (or had, once deleted): counts only, never content.</summary>
public sealed record WorkspaceDataCounts
{
    public int Maps { get; init; }
    public int HistoryEntries { get; init; }
    public int ChannelSettings { get; init; }
    public int Conversations { get; init; }
    public int Digests { get; init; }
    public int IdempotencyKeys { get; init; }
    public int PendingImports { get; init; }
    public int Installations { get; init; }

    /// <summary>The users' <c>map notify</c> settings.</summary>
    public int NotifySettings { get; init; }

    public int Total => Maps + HistoryEntries + ChannelSettings + Conversations + Digests + IdempotencyKeys + PendingImports + Installations + NotifySettings;

    public override string ToString() =>
        $"{Maps} maps, {HistoryEntries} history entries, {ChannelSettings} channel settings, {Conversations} addresses, " +
        $"{Digests} digests, {IdempotencyKeys} idempotency keys, {PendingImports} pending imports, {Installations} installations, {NotifySettings} notify settings";
}
