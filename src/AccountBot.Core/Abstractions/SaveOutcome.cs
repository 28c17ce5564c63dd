namespace AccountBot.Core.Abstractions;

/// <summary>What happened to a <see cref="MapWrite"/>.</summary>
public enum SaveOutcome
{
    /// <summary>Written; the result holds the map at its new version.</summary>
    Saved,

    /// <summary>Someone else saved first; reload and retry on the fresh state.</summary>
    VersionConflict,

    /// <summary>Another map of the workspace already has this name.</summary>
    NameTaken,

    /// <summary>The idempotency key was applied before; nothing changed. The result holds the current map.</summary>
    AlreadyApplied,

    /// <summary>The map no longer exists.</summary>
    NotFound,

    /// <summary>A new map was refused: its workspace already holds <see cref="MapWrite.MapLimit"/> maps.</summary>
    LimitReached,
}
