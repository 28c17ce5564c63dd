using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Reminders;
using AccountBot.EndToEnd.Tests.Harness;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>
/// The weekly digest as a Teams channel gets it: the bot learns the channel when mentioned there, and after a
/// restart its reminder scheduler (not the test) posts the catch-up digest into the channel through the Playground's
/// connector. The digest's buttons are then clicked in the Playground, and their effect is read back from the
/// database once the bot has stopped.
/// </summary>
public sealed class DigestPlaygroundTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = AccountBotPlaygroundFixture.Timeout;
    private readonly CancellationToken _ct = CancellationToken.None;
    private readonly string _folder = Directory.CreateTempSubdirectory("accountbot-e2e-digest-").FullName;
    private readonly int _port = AccountBotHostProcess.FreePort();
    private AccountBotHostProcess? _host;
    private PlaygroundSession _session = null!;

    public async Task InitializeAsync()
    {
        // First run: reminders off, so nothing is sent before the bot knows the channel and a map is due.
        _host = await StartHostAsync(remindersEnabled: false);
        _session = await PlaygroundSession.StartAsync(_host.Endpoint, PlaygroundTeamsIds.Realistic, _ct);
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<AccountBotHostProcess> StartHostAsync(bool remindersEnabled) => AccountBotHostProcess.StartAsync(
        new AccountBotHostSettings
        {
            Folder = _folder,
            Port = _port,
            Environment = new Dictionary<string, string> { ["Reminders__Enabled"] = remindersEnabled ? "true" : "false" },
        },
        _ct);

    private string DatabasePath => Path.Combine(_folder, "accountbot.db");

    /// <summary>
    /// A click on a button of a channel post: Teams sends it in the post's thread (<c>{channel};messageid={post}</c>),
    /// and the bot answers there.
    /// </summary>
    private async Task<ConversationFrame> ClickAsync(ConversationFrame post, string title, string expectedText)
    {
        var thread = $"{post.ActionConversationId};messageid={post.Message!.MessageId}";
        await _session.Client.SubmitAsync(thread, post.Message.MessageId, CardJson.Submit(post, title), _ct);
        return await _session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && f.ActionConversationId == thread && CardJson.Contains(f, expectedText), Timeout, _ct);
    }

    [Fact]
    public async Task Digest_PostedByTheSchedulerAfterARestart_ArrivesInTheChannelAndItsButtonsWork()
    {
        var config = await _session.Client.GetTestConfigAsync(_ct);
        var channelId = PlaygroundTeamsIds.Realistic.ChannelId;
        var workspace = WorkspaceKey.ForTeams(config.TenantId);
        var user = new UserRef(config.CurrentUser.AadObjectId ?? config.CurrentUser.Id, config.CurrentUser.Name);

        // The bot learns where the channel is (its conversation address) when it is mentioned there.
        var hello = await _session.Client.SendChannelMessageAsync(channelId, "map help", _ct);
        await _session.Conversation.WaitForAsync(f => f.ActionConversationId == hello.PostConversationId, Timeout, _ct);
        await _host!.StopAsync();

        // An account nobody has reviewed for two months, linked to the channel: it must be in this week's digest.
        Guid mapId;
        using (var database = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance))
        {
            Assert.NotNull(await new LiteDbConversationStore(database).GetAsync(workspace, channelId, _ct));
            var stamp = new Stamp(DateTimeOffset.UtcNow.AddDays(-60), user);
            var created = AccountMap.Create(workspace, "Globex", MapKind.Sales, stamp, new ChannelRef(channelId, "Key accounts"));
            var saved = await new LiteDbAccountMapStore(database, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance)
                .SaveAsync(created, _ct);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            mapId = saved.Map!.Id;
        }

        await _host.DisposeAsync();
        _host = await StartHostAsync(remindersEnabled: true);

        // Nobody asks: the scheduler's start-up run posts the channel's catch-up digest as a new post in the channel.
        var digest = await _session.Conversation.WaitForAsync(
            f => f.Action == ConversationFrame.CreateMessage && CardJson.Contains(f, "Weekly account review") && CardJson.Contains(f, "Globex"), Timeout, _ct);
        Assert.Equal(channelId, digest.ActionConversationId);
        Assert.Equal(config.Bot.Id, digest.Message!.From?.Id);

        await ClickAsync(digest, "Mark reviewed", "marked Globex reviewed");
        await ClickAsync(digest, "Snooze a week", "snoozed reminders about Globex in this channel");
        var opened = await ClickAsync(digest, "Open map", "Add stakeholder");
        Assert.True(CardJson.Contains(opened, "\"text\":\"Globex\""), CardJson.Text(opened));

        await _host.StopAsync();
        using var after = new LiteDbContext(DatabasePath, NullLogger<LiteDbContext>.Instance);
        var map = await new LiteDbAccountMapStore(after, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance).GetAsync(workspace, mapId, _ct);
        Assert.Equal(user.Id, map!.LastReviewed!.By.Id);
        Assert.True(map.LastReviewed.At > DateTimeOffset.UtcNow.AddHours(-1));
        var settings = await new LiteDbChannelSettingsStore(after, NullLogger<LiteDbChannelSettingsStore>.Instance).GetAsync(workspace, channelId, _ct);
        Assert.Equal(mapId, Assert.Single(settings!.Snoozes).MapId);
        var sent = Assert.Single(await new LiteDbDigestOutbox(after).ListByStateAsync(OutboxState.Sent, _ct));
        Assert.Equal(channelId, sent.Key.ChannelId);
        Assert.Equal(digest.Message!.MessageId, sent.MessageId);
    }
}
