using System.Collections.Concurrent;
using System.Net;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Accounts;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Tests.Endpoints;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Tests.Routing;

/// <summary>
/// The listener context over signed HTTP: <c>Say</c> posts in the request's channel after the ack, <c>Respond</c> goes to
/// the request's response_url, the bound client uses the request's own workspace token, and the neutral request is the
/// request's (two workspaces in one host never cross).
/// </summary>
public sealed class SlackListenerContextTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly ConcurrentQueue<string> _seen = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SlackTestHost _host = null!;
    private int _inFlight;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(app => app
            .Command("/map", (command, context, _) =>
            {
                _seen.Enqueue($"{context.Request.Workspace.Value} {context.Request.User.Id} {context.Request.Channel.Id}");
                switch (command.Text)
                {
                    case "say":
                        context.Say(new SlackMessage("said to " + context.Request.Channel.Id));
                        return Task.FromResult<SlackMessage?>(new SlackMessage("ack"));
                    default:
                        return PostNowAsync(context);
                }
            })
            .ActionPrefix("cmd:", (_, _, context, _) =>
            {
                _seen.Enqueue(context.Respond(new SlackMessage("answered")) ? "responded" : "no response_url");
                return Task.CompletedTask;
            })
            .Event(SlackEventTypes.AppMention, (_, context, ct) => context.SayAsync(new SlackMessage("in the thread"), ct)));
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme", BotUserId = "U0BOT", AppId = "A0APP" }, Ct);
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T0BETA", BotToken = "xoxb-beta", BotUserId = "U0BOT2", AppId = "A0APP" }, Ct);

        async Task<SlackMessage?> PostNowAsync(SlackListenerContext context)
        {
            // Both workspaces' listeners are in flight before either calls Slack.
            if (Interlocked.Increment(ref _inFlight) == 2)
                _release.SetResult();
            await _release.Task.WaitAsync(Ct);
            await context.Api.PostMessageAsync(context.ChannelId!, new SlackMessage("bound to " + context.Team.TeamId), context.BeforeAck);
            return null;
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task Say_AfterTheAck_PostsInTheRequestsChannelWithItsWorkspaceToken()
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("say", team: "T0BETA", user: "U0BEN", channel: "C0BETA"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Contains("\"ack\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var post = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Ct));
        Assert.Equal("C0BETA", post.Json.GetProperty("channel").GetString());
        Assert.Equal("said to C0BETA", post.Json.GetProperty("text").GetString());
        Assert.Equal("Bearer xoxb-beta", post.Authorization);
        Assert.Equal([$"{WorkspaceKey.ForSlack(null, "T0BETA").Value} U0BEN C0BETA"], _seen);
    }

    [Fact]
    public async Task Respond_GoesToTheRequestsResponseUrl_AndNowhereWithoutOne()
    {
        using var answered = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity,
            SlackPayloads.BlockAction("cmd:show", "map Acme", responseUrl: _host.Api.ResponseUrl("mine")));
        using var first = await _host.Client.SendAsync(answered, Ct);
        using var without = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity,
            SlackPayloads.BlockAction("cmd:show", "map Acme", responseUrl: "not a url"));
        using var second = await _host.Client.SendAsync(without, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await _host.App.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Ct);
        var posted = Assert.Single(await _host.Api.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal("answered", posted.Json.GetProperty("text").GetString());
        Assert.Null(posted.Authorization);
        Assert.Equal(["responded", "no response_url"], _seen);
    }

    [Fact]
    public async Task SayAsync_InAMention_AnswersInItsThread()
    {
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, SlackPayloads.AppMention("<@U0BOT> hi", "Ev0CONTEXT", team: "T0BETA", channel: "C0BETA"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Ct));
        Assert.Equal("C0BETA", post.Json.GetProperty("channel").GetString());
        Assert.Equal("1700000000.000200", post.Json.GetProperty("thread_ts").GetString());
        Assert.Equal("Bearer xoxb-beta", post.Authorization);
    }

    [Fact]
    public async Task BoundClient_TwoWorkspacesAtOnce_EachCallUsesItsOwnRequestsToken()
    {
        using var acme = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("post", team: "T0ACME", user: "U0ANA", channel: "C0ACME"));
        using var beta = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("post", team: "T0BETA", user: "U0BEN", channel: "C0BETA"));
        var sends = new[] { _host.Client.SendAsync(acme, Ct), _host.Client.SendAsync(beta, Ct) };
        foreach (var response in await Task.WhenAll(sends))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        var posts = await _host.Api.WaitForCallsAsync("chat.postMessage", 2, Ct);
        Assert.Equal(
            ["C0ACME bound to T0ACME Bearer xoxb-acme", "C0BETA bound to T0BETA Bearer xoxb-beta"],
            posts.Select(p => $"{p.Json.GetProperty("channel").GetString()} {p.Json.GetProperty("text").GetString()} {p.Authorization}").Order(StringComparer.Ordinal));
        Assert.Equal(
            [$"{WorkspaceKey.ForSlack(null, "T0ACME").Value} U0ANA C0ACME", $"{WorkspaceKey.ForSlack(null, "T0BETA").Value} U0BEN C0BETA"],
            _seen.Order(StringComparer.Ordinal));
    }
}
