using AccountBot.Adapters.FollowUps;
using AccountBot.Adapters.Conversations;
using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// The base of the store contract suite: the same tests run against every store. A store's test project derives one
/// class per contract, handing it a fresh <see cref="IStoreHarness"/>.
/// </summary>
public abstract class StoreContract(IStoreHarness harness) : IAsyncLifetime
{
    private StoreSet? _stores;

    protected FakeTimeProvider Time => harness.Time;

    protected StoreSet Stores => _stores ?? throw new InvalidOperationException("The stores are not open.");

    protected IAccountMapStore Maps => Stores.Maps;

    protected IChannelSettingsStore Settings => Stores.Settings;

    protected IConversationStore Conversations => Stores.Conversations;

    protected IBlockedConversationStore BlockedConversations => Stores.Blocked;

    protected IDigestOutbox Outbox => Stores.Outbox;

    protected IWorkspaceInstallationStore Installations => Stores.Installations;

    protected IPendingImportStore Imports => Stores.Imports;

    protected ISeenEventStore SeenEvents => Stores.SeenEvents;
    protected IFollowUpOutbox FollowUps => Stores.FollowUps;

    protected IWorkspaceDataStore Workspaces => Stores.Workspaces;

    protected INotifySettingsStore NotifySettings => Stores.NotifySettings;

    public async Task InitializeAsync() => _stores = await harness.OpenAsync();

    public async Task DisposeAsync()
    {
        await harness.CloseAsync();
        await harness.DisposeAsync();
    }

    /// <summary>Closes the stores and opens new ones on the same storage: what follows reads what was persisted.</summary>
    protected async Task ReopenAsync()
    {
        await harness.CloseAsync();
        _stores = await harness.OpenAsync();
    }

    /// <summary>Saves a new (version 0) map with a "created" history entry; returns the stored map.</summary>
    protected static async Task<AccountMap> SaveNewAsync(IAccountMapStore store, AccountMap map)
    {
        var history = new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, $"created the map {map.Name}", [new("name", null, map.Name)]);
        var result = await store.SaveAsync(new MapWrite(map, history), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Map!;
    }
}
