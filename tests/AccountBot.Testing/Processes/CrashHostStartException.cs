namespace AccountBot.Testing.Processes;

/// <summary>The host did not become ready after a kill: the database did not open, or the process died.</summary>
public sealed class CrashHostStartException : Exception
{
    public CrashHostStartException()
    {
    }

    public CrashHostStartException(string message)
        : base(message)
    {
    }

    public CrashHostStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CrashHostStartException(string reason, string outputTail)
        : base($"{reason}. Last host output:{Environment.NewLine}{outputTail}")
    {
    }
}
