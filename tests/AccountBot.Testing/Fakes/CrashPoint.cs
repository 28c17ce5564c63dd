namespace AccountBot.Testing.Fakes;

/// <summary>Where in a digest's outbox lifecycle <see cref="CrashingDigestOutbox"/> "kills the process".</summary>
public enum CrashPoint
{
    /// <summary>The plan was made but nothing stored: the first add throws before writing.</summary>
    AfterPlanning,

    /// <summary>The first entry was stored as pending, then the process died.</summary>
    AfterEnqueue,

    /// <summary>An attempt was recorded as sending, then the process died before calling the platform.</summary>
    AfterMarkingSending,

    /// <summary>The platform answered, then the process died before recording the answer.</summary>
    AfterSendReturned,

    /// <summary>The entry was recorded as sent, then the process died.</summary>
    AfterMarkingSent,
}
