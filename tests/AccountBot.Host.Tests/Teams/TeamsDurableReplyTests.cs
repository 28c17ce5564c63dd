using System.Net;
using System.Text.Json;
using AccountBot.Adapters.FollowUps;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Teams;

/// <summary>
/// A reply promised after the ack that reports a change is kept in the database (the real host, the LiteDB file,
/// JWT-signed activities, a fake Bot Connector) until the connector took it: a host stopped while it was being sent
/// leaves it stored, and the next host on the same database sends it once; one that was sent is not kept. The answer to
/// a question (a read-only turn) is never stored: it can be asked for again.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsDurableReplyTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly (string, string?) ShortDrain = ("FollowUps:DrainTimeout", "00:00:01");

    private SignedTeamsRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SignedTeamsRig.StartAsync("teams-durable-reply", "durable-key", "msteams");

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task Reply_HostStoppedWhileSendingIt_NextHostOnTheSameDatabaseSendsItOnce()
    {
        using var patience = new CancellationTokenSource(Patience);
        var hang = FakeConnectorResponse.Hang();
        _rig.Connector.Enqueue(hang);
        await using (var first = _rig.Start(ShortDrain))
        {
            Assert.Equal(HttpStatusCode.OK, await _rig.PostWithoutWaitingAsync(first, Create(), patience.Token));
            await hang.Arrived.Task.WaitAsync(patience.Token);
        }

        Assert.Empty(_rig.Connector.Accepted);
        var delivered = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rig.Connector.Responder = request =>
        {
            delivered.TrySetResult(request);
            return null;
        };

        await using var second = _rig.Start(ShortDrain);
        var reply = await delivered.Task.WaitAsync(patience.Token);
        await second.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);

        Assert.Equal(_rig.Connector.Requests[0].RawTarget, reply.RawTarget);
        Assert.Equal(_rig.Connector.Requests[0].Body, reply.Body);
        Assert.Single(_rig.Connector.Accepted);
        Assert.Equal(2, _rig.Connector.Requests.Count);
        Assert.Empty(await StoredAsync(second.Services));
    }

    [Fact]
    public async Task Reply_StoredWhileSending_KeepsWhereToAnswerNotWhatWasAsked()
    {
        using var patience = new CancellationTokenSource(Patience);
        var hang = FakeConnectorResponse.Hang();
        _rig.Connector.Enqueue(hang);
        await using var host = _rig.Start(ShortDrain);
        var asked = Message("map Acme create");

        Assert.Equal(HttpStatusCode.OK, await _rig.PostWithoutWaitingAsync(host, asked, patience.Token));
        await hang.Arrived.Task.WaitAsync(patience.Token);

        // The inbound activity is kept as its conversation reference: where and to what to reply, not the text asked.
        var step = Assert.Single(Assert.Single(await StoredAsync(host.Services)).Steps);
        using var payload = JsonDocument.Parse(step.Payload);
        var inbound = payload.RootElement.EnumerateObject().Single(p => p.Name.Equals("inbound", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Equal(asked.Id, inbound.GetProperty("id").GetString());
        Assert.Equal(asked.Conversation!.Id, inbound.GetProperty("conversation").GetProperty("id").GetString());
        Assert.False(inbound.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Reply_Sent_NothingLeftStoredToSendAgain()
    {
        await using var host = _rig.Start(ShortDrain);

        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(host, Create()));

        Assert.Single(_rig.Connector.Accepted);
        Assert.Empty(await StoredAsync(host.Services));
    }

    [Theory]
    [InlineData("map help")]
    [InlineData("map Acme")]
    [InlineData("map list")]
    [InlineData("map Acme frobnicate")]
    public async Task Question_HostStoppedWhileSendingTheAnswer_NothingStoredNothingSentAgain(string question)
    {
        using var patience = new CancellationTokenSource(Patience);
        var hang = FakeConnectorResponse.Hang();
        _rig.Connector.Enqueue(hang);
        await using (var first = _rig.Start(ShortDrain))
        {
            Assert.Equal(HttpStatusCode.OK, await _rig.PostWithoutWaitingAsync(first, Message(question), patience.Token));
            await hang.Arrived.Task.WaitAsync(patience.Token);
            Assert.Empty(await StoredAsync(first.Services));
        }

        await using var second = _rig.Start(ShortDrain);
        await second.Services.GetRequiredService<DurableFollowUps>().RecoverAsync(patience.Token);
        await second.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);

        Assert.Single(_rig.Connector.Requests);
        Assert.Empty(_rig.Connector.Accepted);
    }

    /// <summary>Every stored item, as an instance would claim it long after every lease ran out.</summary>
    private static Task<IReadOnlyList<StoredFollowUp>> StoredAsync(IServiceProvider services)
    {
        var later = DateTimeOffset.UtcNow.AddDays(1);
        return services.GetRequiredService<IFollowUpOutbox>().ClaimExpiredAsync("probe", later, later.AddDays(1), 100, CancellationToken.None);
    }

    /// <summary>A change: its answer ("Created Acme…") must reach the person even if the host dies first.</summary>
    private Activity Create() => Message("map Acme create");

    private Activity Message(string text) => new ActivityBuilder().Message(text).WithServiceUrl(_rig.Connector.ServiceUrl).Build();
}
