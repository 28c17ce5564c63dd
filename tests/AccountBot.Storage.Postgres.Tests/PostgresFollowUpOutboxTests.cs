using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="FollowUpOutboxContract"/> on PostgreSQL.</summary>
public sealed class PostgresFollowUpOutboxTests(PostgresDatabase database) : FollowUpOutboxContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
