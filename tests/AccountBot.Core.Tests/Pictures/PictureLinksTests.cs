using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Core.Tests.Pictures;

public sealed class PictureLinksTests
{
    private static readonly RequestContext Context = new(CoreHarness.WorkspaceA, new UserRef("U1", "Ana Rep"), new ChannelRef("C1", "deals"));

    private static async Task<(CommandDispatcher Dispatcher, AccountMap Map)> SetUpAsync(IPictureLinks? links)
    {
        var store = new InMemoryAccountMapStore();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(MapBuilder.DefaultTime));
        services.AddSingleton<IAccountMapStore>(store);
        services.AddSingleton<IChannelSettingsStore>(new InMemoryChannelSettingsStore());
        services.AddSingleton(new CoverageOptions());
        services.AddSingleton(new LimitsOptions());
        services.AddSingleton(new Core.Reminders.ReminderOptions());
        services.AddSingleton<IDigestOutbox>(new InMemoryDigestOutbox());
        if (links is not null)
        {
            services.AddSingleton(links);
        }

        services.AddSingleton<INotifySettingsStore>(new InMemoryNotifySettingsStore());
        services.AddAccountBotCore();
        var map = MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").WithStakeholders(3).Build();
        var saved = await store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "seeded", [])), CancellationToken.None);
        return (services.BuildServiceProvider().GetRequiredService<CommandDispatcher>(), saved.Map!);
    }

    [Fact]
    public async Task ShowPicture_HostServesPictures_ImageUrlForThisMapVersionAndPicture()
    {
        var links = new RecordingLinks();
        var (dispatcher, map) = await SetUpAsync(links);

        var view = Assert.IsType<PictureView>(await dispatcher.DispatchAsync("map acme corp onion", Context, CancellationToken.None));

        Assert.Equal(new Uri("https://bot.example/maps/onion.png"), view.ImageUrl);
        Assert.Equal((CoreHarness.WorkspaceA, map.Id, map.Version, MapPicture.Onion), Assert.Single(links.Calls));
        Assert.NotEmpty(view.Sections);
    }

    [Fact]
    public async Task ShowPicture_NoHostLinks_TextOnly()
    {
        var (dispatcher, _) = await SetUpAsync(null);

        var view = Assert.IsType<PictureView>(await dispatcher.DispatchAsync("map Acme Corp grid", Context, CancellationToken.None));

        Assert.Null(view.ImageUrl);
        Assert.Equal(4, view.Sections.Count);
    }

    [Fact]
    public async Task Export_HostServesFiles_DownloadUrl()
    {
        var (dispatcher, _) = await SetUpAsync(new RecordingLinks());

        var view = Assert.IsType<ExportView>(await dispatcher.DispatchAsync("map Acme Corp export", Context, CancellationToken.None));

        Assert.Equal(new Uri("https://bot.example/exports/x.csv"), view.DownloadUrl);
    }

    private sealed class RecordingLinks : IPictureLinks
    {
        public List<(WorkspaceKey, Guid, int, MapPicture)> Calls { get; } = [];

        public Uri? PictureUrl(AccountMap map, MapPicture picture)
        {
            Calls.Add((map.Workspace, map.Id, map.Version, picture));
            return new Uri($"https://bot.example/maps/{picture.ToString().ToLowerInvariant()}.png");
        }

        public Uri? ExportUrl(AccountMap map) => new("https://bot.example/exports/x.csv");

        public Uri? HistoryExportUrl(AccountMap map) => new("https://bot.example/exports/h.csv");
    }
}
