namespace AccountBot.Storage.Postgres;

/// <summary>The PostgreSQL database; bound to the <c>Storage:Postgres</c> configuration section.</summary>
public sealed class PostgresOptions
{
    public const string Section = "Storage:Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=accountbot;Username=accountbot;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Whether the host applies pending schema migrations while it starts (else: <c>-- migrate</c> by hand).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Maps kept deserialised in memory; 0 turns it off. Used without a query while the instance listens for map changes,
    /// else checked against the stored version on every read.
    /// </summary>
    public int MapCacheSize { get; set; } = DefaultMapCacheSize;

    public const int DefaultMapCacheSize = 5000;
}
