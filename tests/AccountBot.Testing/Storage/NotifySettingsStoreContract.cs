using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>A user's nudge setting: stored per workspace and user, replaced by a later save, kept across a reopen.</summary>
public abstract class NotifySettingsStoreContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Acme = WorkspaceKey.ForSlack(null, "T1");
    private static readonly WorkspaceKey Other = WorkspaceKey.ForSlack(null, "T2");

    [Fact]
    public async Task GetAsync_NothingSaved_Null()
    {
        Assert.Null(await NotifySettings.GetAsync(Acme, "U1", CancellationToken.None));
        Assert.Empty(await NotifySettings.ListAsync(Acme, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ThenReopen_ReadsTheSameSetting()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        await NotifySettings.SaveAsync(new NotifySetting(Acme, "U1", NotifyMode.Weekly, "Europe/Paris", at), CancellationToken.None);

        await ReopenAsync();

        var stored = await NotifySettings.GetAsync(Acme, "U1", CancellationToken.None);
        Assert.Equal(new NotifySetting(Acme, "U1", NotifyMode.Weekly, "Europe/Paris", at), stored);
    }

    [Fact]
    public async Task SaveAsync_Again_ReplacesTheEarlierSetting()
    {
        await NotifySettings.SaveAsync(new NotifySetting(Acme, "U1", NotifyMode.Weekly, "Europe/Paris"), CancellationToken.None);
        await NotifySettings.SaveAsync(new NotifySetting(Acme, "U1", NotifyMode.Off), CancellationToken.None);

        var all = await NotifySettings.ListAsync(Acme, CancellationToken.None);
        Assert.Equal([new NotifySetting(Acme, "U1", NotifyMode.Off)], all);
    }

    [Fact]
    public async Task ListAsync_OneWorkspaceOnly_SameUserIdElsewhereIsAnotherSetting()
    {
        await NotifySettings.SaveAsync(new NotifySetting(Acme, "U1", NotifyMode.Off), CancellationToken.None);
        await NotifySettings.SaveAsync(new NotifySetting(Acme, "U2", NotifyMode.Weekly), CancellationToken.None);
        await NotifySettings.SaveAsync(new NotifySetting(Other, "U1", NotifyMode.Daily), CancellationToken.None);

        var acme = await NotifySettings.ListAsync(Acme, CancellationToken.None);
        Assert.Equal(["U1", "U2"], acme.Select(s => s.UserId));
        Assert.All(acme, s => Assert.Equal(Acme, s.Workspace));
        Assert.Equal(NotifyMode.Daily, (await NotifySettings.GetAsync(Other, "U1", CancellationToken.None))!.Mode);
        Assert.Equal(NotifyMode.Off, (await NotifySettings.GetAsync(Acme, "U1", CancellationToken.None))!.Mode);
    }
}
