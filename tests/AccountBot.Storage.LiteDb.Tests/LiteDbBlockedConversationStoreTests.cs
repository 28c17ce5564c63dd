using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="BlockedConversationStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbBlockedConversationStoreTests() : BlockedConversationStoreContract(new LiteDbStoreHarness());
