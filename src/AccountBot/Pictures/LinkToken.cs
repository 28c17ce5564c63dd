using AccountBot.Core.Accounts;

namespace AccountBot.Pictures;

/// <summary>
/// What a signed link refers to: a map of a workspace, which file, the version it was made at, the
/// map's link epoch then (a link of an older epoch was revoked by <c>links reset</c>), until when.
/// </summary>
public sealed record LinkToken(WorkspaceKey Workspace, Guid MapId, LinkKind Kind, int Version, int Epoch, DateTimeOffset Expires);
