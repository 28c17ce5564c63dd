using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="WorkspaceDataContract"/> on PostgreSQL.</summary>
public sealed class PostgresWorkspaceDataTests(PostgresDatabase database) : WorkspaceDataContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
