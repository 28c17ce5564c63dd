using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="SeenEventStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbSeenEventStoreTests() : SeenEventStoreContract(new LiteDbStoreHarness());
