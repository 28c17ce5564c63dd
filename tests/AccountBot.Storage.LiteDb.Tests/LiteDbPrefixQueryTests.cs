using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="PrefixQueryContract"/> on LiteDB.</summary>
public sealed class LiteDbPrefixQueryTests() : PrefixQueryContract(new LiteDbStoreHarness());
