namespace AccountBot.Slack.Tests;

/// <summary>Tests that run <c>check slack-json</c> share one cache folder of the tool, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContractCheckCollection
{
    public const string Name = "Slack contract checks";
}
