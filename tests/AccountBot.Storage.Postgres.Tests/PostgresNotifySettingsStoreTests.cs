using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="NotifySettingsStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresNotifySettingsStoreTests(PostgresDatabase database) : NotifySettingsStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
