using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="ErasureContract"/> on PostgreSQL.</summary>
public sealed class PostgresErasureTests(PostgresDatabase database) : ErasureContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
