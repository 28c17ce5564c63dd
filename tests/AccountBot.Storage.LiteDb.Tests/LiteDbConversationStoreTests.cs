using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="ConversationStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbConversationStoreTests() : ConversationStoreContract(new LiteDbStoreHarness());
