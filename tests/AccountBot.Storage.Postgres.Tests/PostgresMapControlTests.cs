using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="MapControlContract"/> on PostgreSQL.</summary>
public sealed class PostgresMapControlTests(PostgresDatabase database) : MapControlContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
