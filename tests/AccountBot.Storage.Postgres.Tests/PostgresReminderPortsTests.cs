using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="ReminderPortsContract"/> on PostgreSQL.</summary>
public sealed class PostgresReminderPortsTests(PostgresDatabase database) : ReminderPortsContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
