using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="FollowUpOutboxContract"/> on LiteDB.</summary>
public sealed class LiteDbFollowUpOutboxTests() : FollowUpOutboxContract(new LiteDbStoreHarness());
