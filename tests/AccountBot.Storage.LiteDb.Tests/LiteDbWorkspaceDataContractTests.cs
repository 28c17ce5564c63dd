using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="WorkspaceDataContract"/> on LiteDB.</summary>
public sealed class LiteDbWorkspaceDataContractTests() : WorkspaceDataContract(new LiteDbStoreHarness());
