using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="NudgeOutboxContract"/> on PostgreSQL.</summary>
public sealed class PostgresNudgeOutboxTests(PostgresDatabase database) : NudgeOutboxContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
