using AccountBot.Core.Accounts;

namespace AccountBot.Pictures;

/// <summary>What a signed link refers to: a map of a workspace, which file, the version it was made at, until when.</summary>
public sealed record LinkToken(WorkspaceKey Workspace, Guid MapId, LinkKind Kind, int Version, DateTimeOffset Expires);
