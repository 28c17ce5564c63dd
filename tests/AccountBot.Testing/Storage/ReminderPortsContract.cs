using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>The store members the reminder runner added: workspaces with maps, a workspace's settings, a channel's last failure.</summary>
public abstract class ReminderPortsContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey A = WorkspaceKey.ForSlack(null, "T1");
    private static readonly WorkspaceKey B = WorkspaceKey.ForSlack(null, "T10");
    private static readonly WorkspaceKey Teams = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

    [Fact]
    public async Task ListWorkspacesAsync_MapsInThreeWorkspaces_EachOnce()
    {
        var store = Maps;
        await SaveNewAsync(store, MapBuilder.For(A).Named("Acme").Build());
        await SaveNewAsync(store, MapBuilder.For(A).Named("Globex").Build());
        await SaveNewAsync(store, MapBuilder.For(B).Named("Acme").Build());
        await SaveNewAsync(store, MapBuilder.For(Teams).Named("Contoso").Build());

        var workspaces = await store.ListWorkspacesAsync(CancellationToken.None);

        Assert.Equal([A, B, Teams], workspaces);
    }

    [Fact]
    public async Task ListAsync_SettingsOfTwoWorkspacesWithPrefixKeys_OnlyThatWorkspace()
    {
        var store = Settings;
        await store.TrySaveAsync(new ChannelSettings { Workspace = A, ChannelId = "C1" }, CancellationToken.None);
        await store.TrySaveAsync(new ChannelSettings { Workspace = A, ChannelId = "C2" }, CancellationToken.None);
        await store.TrySaveAsync(new ChannelSettings { Workspace = B, ChannelId = "C1" }, CancellationToken.None);

        var settings = await store.ListAsync(A, CancellationToken.None);

        Assert.Equal(["C1", "C2"], settings.Select(s => s.ChannelId).Order(StringComparer.Ordinal));
        Assert.All(settings, s => Assert.Equal(A, s.Workspace));
    }

    [Fact]
    public async Task SetLastFailureAsync_ExistingSettings_ChangesOnlyTheFailureAndSurvivesReopen()
    {
        var failure = new DeliveryFailure(MapBuilder.DefaultTime, "not_in_channel");
        var original = new ChannelSettings { Workspace = A, ChannelId = "C1", ChannelName = "deals", StaleAfterDays = 12, TimeZone = "Europe/Paris" };
        var store = Settings;
        await store.TrySaveAsync(original, CancellationToken.None);
        await store.SetLastFailureAsync(A, "C1", failure, CancellationToken.None);

        await ReopenAsync();
        var loaded = await Settings.GetAsync(A, "C1", CancellationToken.None);
        // Saved (version 1), then the failure recorded (version 2): a save made from version 1 would now be refused.
        Assert.Equal(original with { LastFailure = failure, Version = 2 }, loaded! with { Snoozes = original.Snoozes });
    }

    [Fact]
    public async Task SetLastFailureAsync_NoSettingsYet_CreatesDefaultsWithTheFailure_NullClears()
    {
        var store = Settings;
        var failure = new DeliveryFailure(MapBuilder.DefaultTime, "bot removed");

        await store.SetLastFailureAsync(Teams, "19:x@thread.tacv2", failure, CancellationToken.None);
        var created = await store.GetAsync(Teams, "19:x@thread.tacv2", CancellationToken.None);
        await store.SetLastFailureAsync(Teams, "19:x@thread.tacv2", null, CancellationToken.None);
        var cleared = await store.GetAsync(Teams, "19:x@thread.tacv2", CancellationToken.None);

        Assert.Equal(failure, created!.LastFailure);
        Assert.True(created.RemindersEnabled);
        Assert.Null(cleared!.LastFailure);
    }
}
