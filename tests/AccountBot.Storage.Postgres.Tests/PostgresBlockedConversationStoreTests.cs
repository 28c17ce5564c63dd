using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="BlockedConversationStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresBlockedConversationStoreTests(PostgresDatabase database) : BlockedConversationStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
