using System.Collections.Concurrent;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Slack.Installations;
using AccountBot.Testing.Logging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Tests.Bot;

public sealed class PersistentSlackInstallationStoreTests
{
    private readonly Port _port = new();
    private readonly LogRecorder _log = new();
    private readonly IDataProtectionProvider _keyRing = new EphemeralDataProtectionProvider();

    [Fact]
    public async Task FindAsync_ExactWorkspaceFirst_ThenOrgWideInstall()
    {
        var store = Store();
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
        var store = Store();
        await store.SaveAsync(new SlackInstallation { TeamId = "T01", BotToken = "xoxb-1" }, CancellationToken.None);

        await store.DeleteAsync(new SlackTeamKey(null, "T01"), CancellationToken.None);

        Assert.Null(await store.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_TheStoragePortNeverSeesTheToken_AndFindAsyncGivesItBack()
    {
        var store = Store();

        await store.SaveAsync(new SlackInstallation { TeamId = "T01", TeamName = "Acme", BotToken = "xoxb-1111-secret" }, CancellationToken.None);

        var stored = Assert.Single(_port.Items).BotToken;
        Assert.DoesNotContain("xoxb", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("1111-secret", stored, StringComparison.Ordinal);
        var found = await store.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None);
        Assert.Equal("xoxb-1111-secret", found?.BotToken);
        Assert.Equal("Acme", found?.TeamName);
    }

    [Fact]
    public async Task FindAsync_KeyRingLost_FailsForThatWorkspaceOnly_LogsItWithoutTheToken_AndReinstallHeals()
    {
        await Store().SaveAsync(new SlackInstallation { TeamId = "T01", BotToken = "xoxb-lost" }, CancellationToken.None);
        var ciphertext = _port.Items.Single().BotToken;
        var restored = Store(new EphemeralDataProtectionProvider());
        await restored.SaveAsync(new SlackInstallation { TeamId = "T02", BotToken = "xoxb-fine" }, CancellationToken.None);

        Assert.Null(await restored.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None));
        Assert.Equal("xoxb-fine", (await restored.FindAsync(new SlackTeamKey(null, "T02"), CancellationToken.None))?.BotToken);
        var error = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("slack:T01", error.Message, StringComparison.Ordinal);
        Assert.Contains("reinstall", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("xoxb", _log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ciphertext[^20..], _log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ciphertext[^20..], error.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);

        await restored.SaveAsync(new SlackInstallation { TeamId = "T01", BotToken = "xoxb-reinstalled" }, CancellationToken.None);

        Assert.Equal("xoxb-reinstalled", (await restored.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None))?.BotToken);
    }

    [Fact]
    public async Task ProtectStoredTokensAsync_PlaintextFromAnEarlierVersion_EncryptsItOnce()
    {
        await _port.SaveAsync(new WorkspaceInstallation { Key = "slack:T01", TeamId = "T01", TeamName = "Acme", BotToken = "xoxb-old-plain" }, CancellationToken.None);
        await _port.SaveAsync(new WorkspaceInstallation { Key = "slack:E01:*", EnterpriseId = "E01", IsEnterpriseInstall = true, BotToken = "xoxb-old-org" }, CancellationToken.None);
        var store = Store();

        Assert.Equal(2, await store.ProtectStoredTokensAsync(CancellationToken.None));
        var afterFirst = _port.Items.ToDictionary(i => i.Key, i => i.BotToken);
        Assert.Equal(0, await store.ProtectStoredTokensAsync(CancellationToken.None));

        Assert.All(afterFirst.Values, t => Assert.DoesNotContain("xoxb", t, StringComparison.Ordinal));
        Assert.Equal(afterFirst, _port.Items.ToDictionary(i => i.Key, i => i.BotToken));
        Assert.Equal("xoxb-old-plain", (await store.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None))?.BotToken);
        Assert.Equal("Acme", (await store.FindAsync(new SlackTeamKey(null, "T01"), CancellationToken.None))?.TeamName);
        Assert.Equal("xoxb-old-org", (await store.FindAsync(new SlackTeamKey("E01", "T09"), CancellationToken.None))?.BotToken);
        Assert.DoesNotContain("xoxb", _log.Text, StringComparison.Ordinal);
    }

    private PersistentSlackInstallationStore Store(IDataProtectionProvider? keyRing = null) =>
        new(_port, keyRing ?? _keyRing, _log.For<PersistentSlackInstallationStore>());

    private sealed class Port : IWorkspaceInstallationStore
    {
        private readonly ConcurrentDictionary<string, WorkspaceInstallation> _items = new(StringComparer.Ordinal);
        public List<string> Keys { get; } = [];
        public IReadOnlyList<WorkspaceInstallation> Items => [.. _items.Values];

        public Task<WorkspaceInstallation?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_items.GetValueOrDefault(key));

        public Task<IReadOnlyList<WorkspaceInstallation>> ListAsync(string platformPrefix, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<WorkspaceInstallation>>([.. _items.Values.Where(i => i.Key.StartsWith(platformPrefix + ":", StringComparison.Ordinal))]);

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
