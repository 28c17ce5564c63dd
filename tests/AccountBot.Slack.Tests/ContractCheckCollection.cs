namespace AccountBot.Slack.Tests;

/// <summary>Tests that run the contract checks go one at a time: each <c>slack-json</c> run is a whole TypeScript compile, and the machine is small.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContractCheckCollection
{
    public const string Name = "Slack contract checks";
}
