using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="MapControlContract"/> on LiteDB.</summary>
public sealed class LiteDbMapControlContractTests() : MapControlContract(new LiteDbStoreHarness());
