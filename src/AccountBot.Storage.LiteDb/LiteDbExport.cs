using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Core.Settings;
using AccountBot.Storage.LiteDb.Documents;

namespace AccountBot.Storage.LiteDb;

/// <summary>
/// Everything a database file holds, collection by collection, as domain records (for <c>storage copy</c>). Reads only;
/// unlike the ports it is not scoped to a workspace, since it moves every workspace at once.
/// </summary>
public sealed class LiteDbExport(LiteDbContext context)
{
    public IEnumerable<AccountMap> Maps() => context.Maps.FindAll().Select(d => d.ToDomain());

    public IEnumerable<(WorkspaceKey Workspace, HistoryEntry Entry)> History() =>
        context.History.FindAll().Select(d => (WorkspaceKey.Parse(d.Workspace), d.ToDomain()));

    public IEnumerable<(WorkspaceKey Workspace, string Key, Guid MapId, int Version, DateTimeOffset AppliedAt)> AppliedKeys() =>
        context.AppliedKeys.FindAll().Select(d => (WorkspaceKey.Parse(d.Workspace), d.Key, d.MapId, d.Version, StoredDates.FromStored(d.AppliedAt)));

    public IEnumerable<ChannelSettings> ChannelSettings() => context.ChannelSettings.FindAll().Select(d => d.ToDomain());

    public IEnumerable<ConversationAddress> Conversations() => context.Conversations.FindAll().Select(d => d.ToDomain());

    public IEnumerable<BlockedConversation> BlockedConversations() => context.BlockedConversations.FindAll().Select(d => d.ToDomain());

    public IEnumerable<WorkspaceInstallation> WorkspaceInstallations() => context.WorkspaceInstallations.FindAll().Select(d => d.ToDomain());

    public IEnumerable<OutboxEntry> DigestOutbox() =>
        context.Database.GetCollection<DigestOutboxDocument>(DigestOutboxDocument.Collection).FindAll().Select(d => d.ToDomain());
}
