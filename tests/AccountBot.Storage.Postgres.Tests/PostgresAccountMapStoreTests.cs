using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="AccountMapStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresAccountMapStoreTests(PostgresDatabase database) : AccountMapStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
