namespace AccountBot.Testing.Fakes;

/// <summary>Thrown by <see cref="CrashingDigestOutbox"/> where the process would have died.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("Simulated crash.")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
