using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="PrefixQueryContract"/> on PostgreSQL.</summary>
public sealed class PostgresPrefixQueryTests(PostgresDatabase database) : PrefixQueryContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
