namespace AccountBot.Storage.LiteDb;

/// <summary>
/// The database could not be opened. The message names the file and what to do; the host lets it
/// fail start-up rather than run without storage.
/// </summary>
public sealed class LiteDbStartupException : Exception
{
    public LiteDbStartupException()
    {
    }

    public LiteDbStartupException(string message)
        : base(message)
    {
    }

    public LiteDbStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LiteDbStartupException(string path, LiteDbStartupFailure failure, string? detail, Exception? innerException = null)
        : base(Describe(path, failure, detail), innerException)
    {
        Path = path;
        Failure = failure;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; } = string.Empty;

    public LiteDbStartupFailure Failure { get; }

    private static string Describe(string path, LiteDbStartupFailure failure, string? detail)
    {
        var because = string.IsNullOrWhiteSpace(detail) ? string.Empty : $" ({detail.TrimEnd('.')})";
        var prefix = $"Cannot open the AccountBot database at '{path}': ";
        return failure switch
        {
            LiteDbStartupFailure.Locked =>
                prefix + $"it is locked by another process{because}. Stop the other AccountBot instance or set {LiteDbOptions.Section}:Path to another file.",
            LiteDbStartupFailure.Corrupt =>
                prefix + $"the file is corrupt or is not a LiteDB database{because}. Restore it from a backup, move it aside to start with an empty database, or set {LiteDbOptions.Section}:Path to another file.",
            _ =>
                prefix + $"the file cannot be created or written{because}. Make sure the path names a file in a folder this process may write to, or set {LiteDbOptions.Section}:Path to such a file.",
        };
    }
}
