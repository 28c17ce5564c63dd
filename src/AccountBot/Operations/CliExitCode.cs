namespace AccountBot.Operations;

/// <summary>The exit codes every operator command shares (reminders, backup, restore, doctor, migrate, storage copy).</summary>
internal static class CliExitCode
{
    /// <summary>Done (doctor: every check passed).</summary>
    public const int Ok = 0;

    /// <summary>Could not run, or (doctor) a check failed; the reason is on stderr.</summary>
    public const int CouldNotRun = 1;

    /// <summary>The arguments were wrong; the usage is on stderr.</summary>
    public const int BadArguments = 2;
}
