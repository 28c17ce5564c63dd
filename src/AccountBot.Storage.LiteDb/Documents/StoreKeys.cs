using System.Globalization;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>
/// Composite keys. Each starts with the workspace, so a lookup by key is scoped to its workspace
/// by construction and a unique index on the key is unique per workspace.
/// </summary>
internal static class StoreKeys
{
    private const char Separator = '|';

    public static string Map(WorkspaceKey workspace, Guid mapId) =>
        string.Create(CultureInfo.InvariantCulture, $"{workspace.Value}{Separator}{mapId:N}");

    /// <summary>A map name or alias, already normalised with <see cref="NameKey"/>.</summary>
    public static string Name(WorkspaceKey workspace, string nameKey) => workspace.Value + Separator + nameKey;

    public static string Channel(WorkspaceKey workspace, string channelId) => workspace.Value + Separator + channelId;

    /// <summary>Versions are zero-padded so the key order is the version order.</summary>
    public static string History(WorkspaceKey workspace, Guid mapId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{Map(workspace, mapId)}{Separator}{version:D10}");

    public static string Idempotency(WorkspaceKey workspace, string key) => workspace.Value + Separator + key;

    public static string ChannelSettings(WorkspaceKey workspace, string channelId) => workspace.Value + Separator + channelId;

    public static string NotifySetting(WorkspaceKey workspace, string userId) => workspace.Value + Separator + userId;

    /// <summary>
    /// Not scoped by workspace: the platform's conversation ids are unique across workspaces, and the send path that
    /// asks may not know the workspace. Nothing shows these entries to a workspace.
    /// </summary>
    public static string BlockedConversation(Platform platform, string conversationKey) => platform.ToString() + Separator + conversationKey;
}
