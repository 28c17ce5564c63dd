using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

public abstract class ChannelSettingsStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

    [Fact]
    public async Task TrySaveAsync_EverySettingThenReopen_ReadsBackExactlyAtVersionOne()
    {
        var settings = new ChannelSettings
        {
            Workspace = Workspace,
            ChannelId = "19:abc@thread.tacv2",
            ChannelName = "Deals — EMEA",
            RemindersEnabled = false,
            ReminderDay = DayOfWeek.Thursday,
            ReminderTime = new TimeOnly(8, 45, 30, 250, 125),
            TimeZone = "Europe/Paris",
            StaleAfterDays = 21,
            StaleContactDays = 60,
            Snoozes = [new Snooze(Guid.NewGuid(), MapBuilder.DefaultTime.AddDays(7)), new Snooze(Guid.NewGuid(), MapBuilder.DefaultTime.AddDays(14))],
            LastFailure = new DeliveryFailure(MapBuilder.DefaultTime.AddHours(-3), "bot removed from the team"),
            Updated = new Stamp(MapBuilder.DefaultTime, MapBuilder.DefaultUser),
        };
        Same.Equal(settings with { Version = 1 }, await Settings.TrySaveAsync(settings, CancellationToken.None));

        await ReopenAsync();
        var loaded = await Settings.GetAsync(Workspace, settings.ChannelId, CancellationToken.None);

        Same.Equal(settings with { Version = 1 }, loaded);
    }

    [Fact]
    public async Task TrySaveAsync_Defaults_ReadsBackNulls()
    {
        var settings = new ChannelSettings { Workspace = Workspace, ChannelId = "C01" };
        var store = Settings;

        await store.TrySaveAsync(settings, CancellationToken.None);

        Same.Equal(settings with { Version = 1 }, await store.GetAsync(Workspace, "C01", CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_TwoSavesFromTheSameVersion_SecondRefusedFirstKept()
    {
        var store = Settings;
        var loaded = (await store.TrySaveAsync(new ChannelSettings { Workspace = Workspace, ChannelId = "C01" }, CancellationToken.None))!;

        var friday = await store.TrySaveAsync(loaded with { ReminderDay = DayOfWeek.Friday }, CancellationToken.None);
        var paris = await store.TrySaveAsync(loaded with { TimeZone = "Europe/Paris" }, CancellationToken.None);

        Assert.Equal(2, friday!.Version);
        Assert.Null(paris);
        var stored = await store.GetAsync(Workspace, "C01", CancellationToken.None);
        Assert.Equal((DayOfWeek.Friday, (string?)null, 2), (stored!.ReminderDay, stored.TimeZone, stored.Version));
    }

    [Fact]
    public async Task TrySaveAsync_NewChannelCreatedTwiceAtOnce_OnlyTheFirstCreates()
    {
        var store = Settings;

        var first = await store.TrySaveAsync(new ChannelSettings { Workspace = Workspace, ChannelId = "C02", ReminderDay = DayOfWeek.Tuesday }, CancellationToken.None);
        var second = await store.TrySaveAsync(new ChannelSettings { Workspace = Workspace, ChannelId = "C02", ReminderDay = DayOfWeek.Friday }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task SetLastFailureAsync_BetweenLoadAndSave_TheSaveIsRefusedSoTheFailureIsNotLost()
    {
        var store = Settings;
        var loaded = (await store.TrySaveAsync(new ChannelSettings { Workspace = Workspace, ChannelId = "C03" }, CancellationToken.None))!;

        await store.SetLastFailureAsync(Workspace, "C03", new DeliveryFailure(MapBuilder.DefaultTime, "channel_not_found"), CancellationToken.None);

        Assert.Null(await store.TrySaveAsync(loaded with { StaleAfterDays = 10 }, CancellationToken.None));
        Assert.Equal("channel_not_found", (await store.GetAsync(Workspace, "C03", CancellationToken.None))!.LastFailure!.Reason);
    }

    [Fact]
    public async Task ChannelSettingsEditor_EightPeopleChangingOneChannelAtOnce_NoChangeLost()
    {
        var editor = new Core.Features.Channels.ChannelSettingsEditor(Settings);
        var maps = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var channel = new Core.Features.RequestContext(Workspace, MapBuilder.DefaultUser, new ChannelRef("C04", "deals"));

        // Each snoozes a different account: last-write-wins would keep only some of them.
        var saves = maps.Select(id => Task.Run(() => editor.UpdateAsync(
            channel, s => s with { Snoozes = [.. s.Snoozes, new Snooze(id, MapBuilder.DefaultTime.AddDays(7))] }, CancellationToken.None)));
        var saved = await Task.WhenAll(saves);

        Assert.All(saved, Assert.NotNull);
        var stored = await Settings.GetAsync(Workspace, "C04", CancellationToken.None);
        Assert.Equal(maps.Order(), stored!.Snoozes.Select(s => s.MapId).Order());
        Assert.Equal(8, stored.Version);
    }

    [Fact]
    public async Task GetAsync_UnknownChannel_Null()
    {

        Assert.Null(await Settings.GetAsync(Workspace, "C404", CancellationToken.None));
    }
}
