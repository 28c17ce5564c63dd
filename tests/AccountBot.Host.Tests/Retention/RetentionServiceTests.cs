using System.Threading.Channels;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Retention;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Host.Tests.Retention;

[Collection(HostBuildingCollection.Name)]
public sealed class RetentionServiceTests : IAsyncDisposable, IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private static readonly DateTimeOffset Start = MapBuilder.DefaultTime;

    private readonly TestHost hosts = new("retention-tests");
    private readonly FakeTimeProvider time = new(Start);
    private readonly InMemoryDigestOutbox outbox = new();
    private readonly InMemoryAccountMapStore maps;
    private readonly Channel<RetentionPass> passes = Channel.CreateUnbounded<RetentionPass>();
    private readonly CancellationTokenSource guard = new(TimeSpan.FromSeconds(30));
    private RetentionService? service;

    public RetentionServiceTests() => maps = new InMemoryAccountMapStore(time);

    public void Dispose() => hosts.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (service is not null)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        guard.Dispose();
        Dispose();
    }

    private WebApplicationFactory<Program> Host(params (string Key, string? Value)[] settings) => hosts.Create(settings);

    private RetentionService Start90Days()
    {
        var runner = new ReminderRunner(
            maps, new InMemoryChannelSettingsStore(), outbox, [],
            new ReminderPlanner(new ReminderOptions(), new CoverageOptions(), time), new ReminderDeliveryOptions(), time);
        service = new RetentionService(runner, maps, new StorageOptions(), new PrivacyOptions(), time, NullLogger<RetentionService>.Instance);
        service.Passed += pass => passes.Writer.TryWrite(pass);
        return service;
    }

    private async Task SentAsync(string channel, string week)
    {
        var now = time.GetUtcNow();
        await outbox.TryAddAsync(
            new OutboxEntry { Key = new DigestKey(Workspace, channel, week), State = OutboxState.Sent, CreatedAt = now, UpdatedAt = now },
            CancellationToken.None);
    }

    private async Task AppliedAsync(string key)
    {
        var map = MapBuilder.For(Workspace).Named("Map " + key).Build();
        await maps.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", []), key), CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_AtStartThenEveryDay_PrunesWhatTheRetentionLeftBehind()
    {
        await SentAsync("C1", "2025-W10");
        await AppliedAsync("form-1");
        time.Advance(TimeSpan.FromDays(1));
        await SentAsync("C1", "2025-W11");
        await AppliedAsync("form-2");
        time.Advance(TimeSpan.FromDays(7));
        await SentAsync("C1", "2025-W12");
        time.SetUtcNow(Start.AddDays(90.5));

        await Start90Days().StartAsync(CancellationToken.None);
        var atStart = await passes.Reader.ReadAsync(guard.Token);
        time.Advance(RetentionService.Interval);
        var nextDay = await passes.Reader.ReadAsync(guard.Token);

        Assert.Equal((1, 1), (atStart.OutboxEntries, atStart.IdempotencyKeys));
        Assert.Equal(Start.AddDays(0.5), atStart.Before);
        Assert.Equal((1, 1), (nextDay.OutboxEntries, nextDay.IdempotencyKeys));
        Assert.Equal(["2025-W12"], outbox.All.Select(e => e.Key.Week));
        Assert.False(await maps.IsAppliedAsync(Workspace, "form-2", CancellationToken.None));
    }

    [Fact]
    public async Task PruneAsync_BlockedConversationYearsOld_KeepsIt()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var store = host.Services.GetRequiredService<IBlockedConversationStore>();
        var blocked = new BlockedConversation
        {
            Platform = Platform.Teams,
            ConversationKey = "19:8a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b@thread.tacv2",
            TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            BlockedAt = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        await store.SaveAsync(blocked, CancellationToken.None);

        // A blocked conversation stays blocked until the bot is installed there again, however long that takes.
        await host.Services.GetRequiredService<RetentionService>().PruneAsync(CancellationToken.None);

        Assert.Equal([blocked], await store.ListAsync(Platform.Teams, CancellationToken.None));
    }

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("99999")]
    public void Start_RetentionDaysOutOfRange_FailsNamingTheKey(string days)
    {
        using var host = Host(("Storage:RetentionDays", days));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Storage:RetentionDays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoSetting_NinetyDaysAndTheServiceRuns()
    {
        using var host = Host();
        using var client = host.CreateClient();

        Assert.Equal(90, host.Services.GetRequiredService<StorageOptions>().RetentionDays);
        Assert.Contains(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is RetentionService);
    }
}
