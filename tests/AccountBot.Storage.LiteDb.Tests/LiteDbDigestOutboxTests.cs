using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="DigestOutboxContract"/> on LiteDB.</summary>
public sealed class LiteDbDigestOutboxTests() : DigestOutboxContract(new LiteDbStoreHarness());
