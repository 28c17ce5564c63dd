using AccountBot.Core.Accounts;

namespace AccountBot.Core.Nudges;

/// <summary>One user's choice about nudges in one workspace; a user with none stored gets <see cref="NotifyMode.Daily"/>.</summary>
/// <param name="TimeZone">The user's own IANA zone, overriding their channels' zone; null: the channel's.</param>
public sealed record NotifySetting(WorkspaceKey Workspace, string UserId, NotifyMode Mode, string? TimeZone = null, DateTimeOffset? UpdatedAt = null);
