using AccountBot.Adapters.FollowUps;
using AccountBot.Adapters.Conversations;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Workspaces;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>One store of each port, opened on the same storage.</summary>
public sealed record StoreSet(
    IAccountMapStore Maps,
    IChannelSettingsStore Settings,
    IConversationStore Conversations,
    IBlockedConversationStore Blocked,
    IDigestOutbox Outbox,
    IWorkspaceInstallationStore Installations,
    IPendingImportStore Imports,
    ISeenEventStore SeenEvents,
    IFollowUpOutbox FollowUps,
    IWorkspaceDataStore Workspaces,
    INotifySettingsStore NotifySettings);
