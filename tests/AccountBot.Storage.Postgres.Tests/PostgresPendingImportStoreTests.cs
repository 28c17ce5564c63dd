using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="PendingImportStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresPendingImportStoreTests(PostgresDatabase database) : PendingImportStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
