using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="DigestOutboxContract"/> on PostgreSQL.</summary>
public sealed class PostgresDigestOutboxTests(PostgresDatabase database) : DigestOutboxContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
