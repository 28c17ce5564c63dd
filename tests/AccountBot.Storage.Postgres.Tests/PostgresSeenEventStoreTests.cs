using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="SeenEventStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresSeenEventStoreTests(PostgresDatabase database) : SeenEventStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
