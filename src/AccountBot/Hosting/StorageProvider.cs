namespace AccountBot.Hosting;

/// <summary>Where the bot keeps its state: <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>One embedded database file (the default): zero setup, one instance.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database (<c>Storage:Postgres:ConnectionString</c>): several instances share it.</summary>
    Postgres,
}
