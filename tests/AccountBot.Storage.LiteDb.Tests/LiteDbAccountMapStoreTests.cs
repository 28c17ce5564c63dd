using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="AccountMapStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbAccountMapStoreTests() : AccountMapStoreContract(new LiteDbStoreHarness());
