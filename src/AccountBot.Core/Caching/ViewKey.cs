namespace AccountBot.Core.Caching;

/// <summary>
/// Everything a view's rendering depends on, spelled out: a rendering is reused only for an equal key, never because
/// it is the same object. A write gives the map a new <paramref name="Version"/> (whichever instance made it), so the
/// key changes at once; the link epoch is part of the map and raising it is a write too.
/// </summary>
/// <param name="MapId">The map shown.</param>
/// <param name="Version">The map's stored version.</param>
/// <param name="View">Which view of it (<see cref="ViewKinds"/>).</param>
/// <param name="Viewer">The user id when the view holds anything for one user only; null when everyone sees the same.</param>
/// <param name="Culture">The UI culture its sentences are in.</param>
/// <param name="Minute">The minute (Unix time) it was built in: gaps count days since a date, so a view is at most a minute late.</param>
public sealed record ViewKey(Guid MapId, int Version, string View, string? Viewer, string Culture, long Minute);
