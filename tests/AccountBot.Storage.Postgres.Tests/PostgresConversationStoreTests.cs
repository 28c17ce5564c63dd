using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="ConversationStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresConversationStoreTests(PostgresDatabase database) : ConversationStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
