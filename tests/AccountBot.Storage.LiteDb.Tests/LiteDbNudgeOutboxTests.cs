using AccountBot.Testing.Storage;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>The <see cref="NudgeOutboxContract"/> on LiteDB.</summary>
public sealed class LiteDbNudgeOutboxTests() : NudgeOutboxContract(new LiteDbStoreHarness());
