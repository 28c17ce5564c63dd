namespace AccountBot.Storage.LiteDb;

/// <summary>Why the database could not be opened at start-up.</summary>
public enum LiteDbStartupFailure
{
    /// <summary>Another process (another AccountBot instance) has the file open.</summary>
    Locked,

    /// <summary>The file exists but is not a readable LiteDB database.</summary>
    Corrupt,

    /// <summary>The file or its folder cannot be created or written.</summary>
    Unwritable,
}
