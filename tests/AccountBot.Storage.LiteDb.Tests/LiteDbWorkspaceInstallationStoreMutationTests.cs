using AccountBot.Adapters.Installations;
using AccountBot.Core.Abstractions;

namespace AccountBot.Storage.LiteDb.Tests;

/// <summary>
/// The installation store's guards that no other test pinned down (issue #18, round 3): a cancelled call throws and
/// changes nothing. Blank keys and a platform whose name begins another's are in StoreMutationContract (round 5).
/// </summary>
public sealed class LiteDbWorkspaceInstallationStoreMutationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Cancelled => new(canceled: true);

    private static WorkspaceInstallation Installation(string platform, string team) => new()
    {
        Key = WorkspaceInstallation.KeyFor(platform, null, team),
        TeamId = team,
        TeamName = "Acme Sales",
        BotToken = "xoxb-1",
        BotUserId = "U0BOT",
        AppId = "A0APP",
        Scopes = "commands",
        InstalledBy = "U0ADMIN",
        InstalledAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Calls_CancelledBeforehand_ThrowAndChangeNothing()
    {
        using var context = _db.Open();
        var store = new LiteDbWorkspaceInstallationStore(context);
        var kept = Installation("slack", "T01");
        await store.SaveAsync(kept, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(kept.Key, Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync("slack", Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(Installation("slack", "T02"), Cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.DeleteAsync(kept.Key, Cancelled));

        Assert.Equal([kept.Key], (await store.ListAsync("slack", CancellationToken.None)).Select(i => i.Key));
    }
}
