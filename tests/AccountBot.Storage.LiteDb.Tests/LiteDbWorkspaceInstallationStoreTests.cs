using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="WorkspaceInstallationStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbWorkspaceInstallationStoreTests() : WorkspaceInstallationStoreContract(new LiteDbStoreHarness());
