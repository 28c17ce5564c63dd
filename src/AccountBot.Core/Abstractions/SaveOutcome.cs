namespace AccountBot.Core.Abstractions;

/// <summary>
/// What became of a save: the store's answer to a <see cref="MapWrite"/>, and <c>MapEditor</c>'s after its retries
/// (which adds <see cref="Invalid"/> and answers <see cref="VersionConflict"/> only once it gave up).
/// </summary>
public enum SaveOutcome
{
    /// <summary>Written; the result holds the map at its new version.</summary>
    Saved,

    /// <summary>Someone else saved first; reload and retry on the fresh state.</summary>
    VersionConflict,

    /// <summary>Another map of the workspace already has this name.</summary>
    NameTaken,

    /// <summary>
    /// A repeat: the idempotency key was applied before; nothing changed. The result holds the current map. Whoever
    /// announces saves stays silent, as the first save was announced.
    /// </summary>
    AlreadyApplied,

    /// <summary>The map no longer exists.</summary>
    NotFound,

    /// <summary>A new map was refused: its workspace already holds <see cref="MapWrite.MapLimit"/> maps.</summary>
    LimitReached,

    /// <summary>A domain rule refused the change (never from the store); the result's errors say which and why.</summary>
    Invalid,
}
