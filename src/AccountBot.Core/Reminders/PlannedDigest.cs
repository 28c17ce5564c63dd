using AccountBot.Core.Accounts;

namespace AccountBot.Core.Reminders;

/// <summary>
/// A digest to send: where (workspace, channel), which week (<see cref="Key"/>, the outbox's dedupe id),
/// the scheduled occurrence it stands for, and what to show.
/// </summary>
public sealed record PlannedDigest(DigestKey Key, ChannelRef Channel, DateTimeOffset Occurrence, Digest Digest)
{
    public WorkspaceKey Workspace => Key.Workspace;
    public string ChannelId => Key.ChannelId;
    public IReadOnlyList<DigestItem> Items => Digest.Items;
    public int MoreCount => Digest.MoreCount;
}
