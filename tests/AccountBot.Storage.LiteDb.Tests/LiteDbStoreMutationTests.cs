using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="StoreMutationContract"/> on LiteDB (issue #18, round 5).</summary>
public sealed class LiteDbStoreMutationTests() : StoreMutationContract(new LiteDbStoreHarness());
