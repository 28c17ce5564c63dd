using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="WorkspaceIsolationContract"/> on LiteDB.</summary>
public sealed class LiteDbWorkspaceIsolationTests() : WorkspaceIsolationContract(new LiteDbStoreHarness());
