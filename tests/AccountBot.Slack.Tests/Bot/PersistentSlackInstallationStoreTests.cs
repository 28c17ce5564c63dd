using System.Collections.Concurrent;
using AccountBot.Core.Abstractions;
using AccountBot.Slack.Installations;

namespace AccountBot.Slack.Tests.Bot;

public sealed class PersistentSlackInstallationStoreTests
{
    private readonly Port _port = new();

    [Fact]
    public async Task FindAsync_ExactWorkspaceFirst_ThenOrgWideInstall()
    {
        var store = new PersistentSlackInstallationStore(_port);
        await store.SaveAsync(new SlackInstallation { EnterpriseId = "E01", TeamId = "T01", BotToken = "xoxb-team" }, CancellationToken.None);
        await store.SaveAsync(new SlackInstallation { EnterpriseId = "E01", TeamId = "T00", IsEnterpriseInstall = true, BotToken = "xoxb-org" }, CancellationToken.None);

        Assert.Equal("xoxb-team", (await store.FindAsync(new SlackTeamKey("E01", "T01"), CancellationToken.None))?.BotToken);
        Assert.Equal("xoxb-org", (await store.FindAsync(new SlackTeamKey("E01", "T02"), CancellationToken.None))?.BotToken);
        Assert.Null(await store.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None));
        Assert.Equal(["slack:E01:T01", "slack:E01:*"], _port.Keys);
    }

    [Fact]
    public async Task DeleteAsync_ForgetsTheToken()
    {
        var store = new PersistentSlackInstallationStore(_port);
        await store.SaveAsync(new SlackInstallation { TeamId = "T01", BotToken = "xoxb-1" }, CancellationToken.None);

        await store.DeleteAsync(new SlackTeamKey(null, "T01"), CancellationToken.None);

        Assert.Null(await store.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None));
    }

    private sealed class Port : IWorkspaceInstallationStore
    {
        private readonly ConcurrentDictionary<string, WorkspaceInstallation> _items = new(StringComparer.Ordinal);
        public List<string> Keys { get; } = [];

        public Task<WorkspaceInstallation?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_items.GetValueOrDefault(key));

        public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken)
        {
            Keys.Add(installation.Key);
            _items[installation.Key] = installation;
            return Task.CompletedTask;
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken)
        {
            _items.TryRemove(key, out _);
            return Task.CompletedTask;
        }
    }
}
