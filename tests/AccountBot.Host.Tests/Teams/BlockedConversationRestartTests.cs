using System.Net;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Teams;

/// <summary>
/// The real host (real token validation, the LiteDB file) against a fake Bot Connector: a conversation Teams refused
/// with 403 MessageWritesBlocked stays blocked across a restart until the bot is added there again.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class BlockedConversationRestartTests : IAsyncLifetime
{
    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"Bot is not installed in the team"}}""";

    private SignedTeamsRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SignedTeamsRig.StartAsync("teams-blocked", "blocked-key", "msteams");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Send_AfterRestart_SkipsTheBlockedChannelUntilTheBotIsAddedAgain()
    {
        await using (var first = _rig.Start())
        {
            _rig.Connector.Enqueue(403, Blocked);

            Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(first, InThread("1714986001123", "map help")));

            Assert.Single(_rig.Connector.Requests);
        }

        await using (var restarted = _rig.Start())
        {
            // Another thread of the same channel: no call at all, the block came back from the database.
            Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(restarted, InThread("1714986002222", "map help")));
            Assert.Single(_rig.Connector.Requests);

            Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(restarted, BotAddedToTheTeam()));
            var welcome = _rig.Connector.Requests[^1];
            Assert.Equal(2, _rig.Connector.Requests.Count);
            Assert.Contains(Encoded(ActivityBuilder.ChannelId), welcome.RawTarget, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(restarted, InThread("1714986003333", "map help")));
            Assert.Equal(3, _rig.Connector.Requests.Count);
            Assert.Contains(Encoded(ActivityBuilder.ChannelId + ";messageid=1714986003333"), _rig.Connector.Requests[^1].RawTarget, StringComparison.Ordinal);
        }

        // The unblock is stored too: one more restart still answers.
        await using var again = _rig.Start();
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(again, InThread("1714986004444", "map help")));
        Assert.Equal(4, _rig.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_AfterRestart_SkipsABlockedPersonalChatForProactiveSends()
    {
        await using (var first = _rig.Start())
        {
            _rig.Connector.Enqueue(403, Blocked);
            Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(first, new ActivityBuilder().Message("map help").WithServiceUrl(_rig.Connector.ServiceUrl).Build()));
            Assert.Single(_rig.Connector.Requests);
        }

        await using var restarted = _rig.Start();
        var connector = restarted.Services.GetRequiredService<ConnectorClient>();
        var reference = new ActivityBuilder().WithServiceUrl(_rig.Connector.ServiceUrl).Build().GetConversationReference();

        await Assert.ThrowsAsync<ConversationBlockedException>(() =>
            connector.SendProactiveAsync(reference, Activity.CreateMessage("Weekly account review"), CancellationToken.None));

        Assert.Single(_rig.Connector.Requests);
    }

    /// <summary>A channel message that @mentions the bot, in the thread of <paramref name="messageId"/>.</summary>
    private Activity InThread(string messageId, string text) =>
        new ActivityBuilder().With(a => a with { Id = messageId }).InChannel(text).WithServiceUrl(_rig.Connector.ServiceUrl).Build();

    /// <summary>What Teams sends when the bot is added to the team again (the General channel is the team's id).</summary>
    private Activity BotAddedToTheTeam() =>
        new ActivityBuilder().InChannel(string.Empty).WithServiceUrl(_rig.Connector.ServiceUrl).With(a => a with
        {
            Type = ActivityTypes.ConversationUpdate,
            Text = null,
            Entities = null,
            Conversation = a.Conversation! with { Id = ActivityBuilder.ChannelId },
            MembersAdded = [new ChannelAccount { Id = ActivityBuilder.BotId }],
        }).Build();

    private static string Encoded(string id) => Uri.EscapeDataString(id);
}
