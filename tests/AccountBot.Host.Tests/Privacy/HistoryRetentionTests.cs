using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Retention;
using AccountBot.Testing.Builders;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Privacy;

/// <summary><c>Privacy:HistoryRetentionDays</c> on the real host and its LiteDB file: history is kept unless it is set.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class HistoryRetentionTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0KEEP");

    private readonly TestHost _hosts = new("history-retention");

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task Prune_RetentionSet_RemovesOnlyEntriesOlderThanIt()
    {
        await using var host = _hosts.Create(("Privacy:HistoryRetentionDays", "30"));
        using var client = host.CreateClient();
        var mapId = await SeedAsync(host, daysAgo: [400, 31, 29, 1]);

        // The start-up pass may run during the seeding and take some first: what is left is what counts.
        await host.Services.GetRequiredService<RetentionService>().PruneAsync(CancellationToken.None);

        Assert.Equal([4, 3], (await HistoryAsync(host, mapId)).Select(h => h.Version));
    }

    [Fact]
    public async Task Prune_NoSetting_KeepsEveryEntry()
    {
        await using var host = _hosts.Create();
        using var client = host.CreateClient();
        var mapId = await SeedAsync(host, daysAgo: [4000, 400, 1]);

        var pass = await host.Services.GetRequiredService<RetentionService>().PruneAsync(CancellationToken.None);

        Assert.Equal(0, pass.HistoryEntries);
        Assert.Null(host.Services.GetRequiredService<PrivacyOptions>().HistoryRetentionDays);
        Assert.Equal(3, (await HistoryAsync(host, mapId)).Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Start_HistoryRetentionDaysBelowOne_FailsNamingTheKey(string days)
    {
        using var host = _hosts.Create(("Privacy:HistoryRetentionDays", days));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Privacy:HistoryRetentionDays", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One map, one history entry per age (oldest first, versions 1, 2…).</summary>
    private static async Task<Guid> SeedAsync(WebApplicationFactory<Program> host, int[] daysAgo)
    {
        var store = host.Services.GetRequiredService<IAccountMapStore>();
        var now = DateTimeOffset.UtcNow;
        var map = MapBuilder.For(Workspace).Named("Acme").At(now.AddDays(-daysAgo[0])).Build();
        foreach (var days in daysAgo)
        {
            var at = now.AddDays(-days);
            var saved = await store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, map.Version + 1, at, MapBuilder.DefaultUser, $"changed {days} days ago", [])), CancellationToken.None);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            map = saved.Map!;
        }

        return map.Id;
    }

    private static Task<IReadOnlyList<HistoryEntry>> HistoryAsync(WebApplicationFactory<Program> host, Guid mapId) =>
        host.Services.GetRequiredService<IAccountMapStore>().GetHistoryAsync(Workspace, mapId, int.MaxValue, CancellationToken.None);
}
