using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="NotifySettingsStoreContract"/> on LiteDB.</summary>
public sealed class LiteDbNotifySettingsStoreTests() : NotifySettingsStoreContract(new LiteDbStoreHarness());
