using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="WorkspaceIsolationContract"/> on PostgreSQL.</summary>
public sealed class PostgresWorkspaceIsolationTests(PostgresDatabase database) : WorkspaceIsolationContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
