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

    /// <summary>
    /// How many maps are kept deserialised in memory (≈15 KB each with 30 people); 0 turns the
    /// cache off. Reads still check each map's stored version, so the cache never serves an old map.
    /// </summary>
    public int MapCacheSize { get; set; } = DefaultMapCacheSize;

    public const int DefaultMapCacheSize = 5000;
}
