using AccountBot.EndToEnd.Tests.Harness;

namespace AccountBot.EndToEnd.Tests.Flows;

/// <summary>The Playground as a developer gets it with no config file: ids like <c>user-id-0</c> and <c>team-id</c>.</summary>
public sealed class BuiltInIdsPlaygroundFixture : EchoBotPlaygroundFixture
{
    protected override PlaygroundTeamsIds? TeamsIds => null;
}
