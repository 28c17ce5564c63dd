namespace AccountBot.Host.Tests.Reminders;

/// <summary>
/// Tests that build the bot's host in-process (the CLI, WebApplicationFactory) run alone: the factory finds the
/// app's host by listening for hosts being built, so another host built at the same moment could be taken for it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostBuildingCollection
{
    public const string Name = "Builds the host";
}
