namespace AccountBot.Storage.LiteDb;

/// <summary>Where the database file lives; bound to the <c>Storage:LiteDb</c> configuration section.</summary>
public sealed class LiteDbOptions
{
    public const string Section = "Storage:LiteDb";
    public const string DefaultPath = "data/accountbot.db";

    /// <summary>
    /// The database file. A relative path is resolved against the host's content root; its folder is
    /// created when missing.
    /// </summary>
    public string Path { get; set; } = DefaultPath;
}
