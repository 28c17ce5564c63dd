using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="ErasureContract"/> on LiteDB (what the file itself keeps: <see cref="LiteDbErasureTests"/>).</summary>
public sealed class LiteDbErasureContractTests() : ErasureContract(new LiteDbStoreHarness());
