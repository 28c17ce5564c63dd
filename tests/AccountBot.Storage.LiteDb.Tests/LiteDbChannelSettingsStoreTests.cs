using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="ChannelSettingsStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbChannelSettingsStoreTests() : ChannelSettingsStoreContract(new LiteDbStoreHarness());
