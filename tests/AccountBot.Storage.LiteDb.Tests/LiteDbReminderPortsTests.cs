using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="ReminderPortsContract"/> on LiteDB.</summary>
public sealed class LiteDbReminderPortsTests() : ReminderPortsContract(new LiteDbStoreHarness());
