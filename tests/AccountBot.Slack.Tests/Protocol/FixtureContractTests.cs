using AccountBot.Testing.Slack;

namespace AccountBot.Slack.Tests.Protocol;

[Collection(ContractCheckCollection.Name)]
public sealed class FixtureContractTests
{
    [Fact]
    public async Task Fixtures_InboundPayloads_MatchSlacksPublishedTypes()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.in-*.json");
        Assert.Equal(5, files.Length);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await SlackContractCheck.RunAsync("slack-json", files, timeout.Token);

        Assert.True(result.ExitCode == 0, result.Output);
    }
}
