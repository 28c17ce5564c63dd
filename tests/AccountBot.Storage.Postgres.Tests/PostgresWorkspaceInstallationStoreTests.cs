using AccountBot.Testing.Storage;

namespace AccountBot.Storage.Postgres.Tests;

/// <summary>The <see cref="WorkspaceInstallationStoreContract"/> on PostgreSQL.</summary>
public sealed class PostgresWorkspaceInstallationStoreTests(PostgresDatabase database) : WorkspaceInstallationStoreContract(new PostgresStoreHarness(database)), IClassFixture<PostgresDatabase>;
