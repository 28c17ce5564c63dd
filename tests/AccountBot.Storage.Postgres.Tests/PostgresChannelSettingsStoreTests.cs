using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="ChannelSettingsStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresChannelSettingsStoreTests(PostgresDatabase database) : ChannelSettingsStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
