using AccountBot.Core.Accounts;
using AccountBot.Core.Settings;
using AccountBot.Testing.Builders;

namespace AccountBot.Storage.LiteDb.Tests;

public sealed class LiteDbChannelSettingsStoreTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SaveAsync_EverySettingThenReopen_ReadsBackExactly()
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
        using (var context = _db.Open())
        {
            await TempDatabase.SettingsStore(context).SaveAsync(settings, CancellationToken.None);
        }

        using var reopened = _db.Open();
        var loaded = await TempDatabase.SettingsStore(reopened).GetAsync(Workspace, settings.ChannelId, CancellationToken.None);

        Same.Equal(settings, loaded);
    }

    [Fact]
    public async Task SaveAsync_Defaults_ReadsBackNulls()
    {
        var settings = new ChannelSettings { Workspace = Workspace, ChannelId = "C01" };
        using var context = _db.Open();
        var store = TempDatabase.SettingsStore(context);

        await store.SaveAsync(settings, CancellationToken.None);

        Same.Equal(settings, await store.GetAsync(Workspace, "C01", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_Twice_ReplacesTheChannelsSettings()
    {
        using var context = _db.Open();
        var store = TempDatabase.SettingsStore(context);
        var settings = new ChannelSettings { Workspace = Workspace, ChannelId = "C01", ReminderDay = DayOfWeek.Monday };

        await store.SaveAsync(settings, CancellationToken.None);
        await store.SaveAsync(settings with { ReminderDay = DayOfWeek.Friday }, CancellationToken.None);

        Assert.Equal(DayOfWeek.Friday, (await store.GetAsync(Workspace, "C01", CancellationToken.None))!.ReminderDay);
    }

    [Fact]
    public async Task GetAsync_UnknownChannel_Null()
    {
        using var context = _db.Open();

        Assert.Null(await TempDatabase.SettingsStore(context).GetAsync(Workspace, "C404", CancellationToken.None));
    }
}
