using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="PendingImportStoreContract"/> on the LiteDB deployment's store (in memory: one instance).</summary>
public sealed class LiteDbPendingImportStoreTests() : PendingImportStoreContract(new LiteDbStoreHarness());
