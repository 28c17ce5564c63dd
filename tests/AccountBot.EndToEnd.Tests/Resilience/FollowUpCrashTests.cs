using System.Net;
using System.Text;
using System.Text.Json;
using AccountBot.EndToEnd.Tests.Product;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Xunit.Abstractions;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.EndToEnd.Tests.Resilience;

/// <summary>
/// A follow-up promised after the ack — a Slack button's <c>response_url</c> answer, a Teams reply — survives the host
/// process being SIGKILLed while it is being sent: the host started again on the same database sends it, once.
/// </summary>
public sealed class FollowUpCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SigningSecret = "e2e-crash-signing-secret-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("accountbot-e2e-followup-").FullName;
    private readonly int _port = AccountBotHostProcess.FreePort();
    private readonly SlackRequestSigner _signer = new(SigningSecret, TimeProvider.System);
    private FakeSlackApi _slack = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _slack.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SlackResponseUrlAnswer_HostSigKilledWhileSlackIsSlowToTakeIt_SentOnceAfterTheRestart()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var patience = new CancellationTokenSource(Patience);
        var slow = FakeSlackReply.Stall();
        // A command answers in its ack: the button's answer is the only response_url post.
        _slack.Script("response_url", slow);

        var first = await StartAsync(patience.Token);
        try
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            using (var created = await http.SendAsync(_signer.CreateFormRequest("/slack/commands", Command("Acme create", responseUrl: _slack.ResponseUrl("cmd")))))
                Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            using (var clicked = await http.SendAsync(_signer.CreateInteractionRequest("/slack/interactivity", BlockAction("cmd:view", "map Acme", responseUrl: _slack.ResponseUrl("button")))))
                Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
            await slow.Stalled.WaitAsync(patience.Token);
        }
        finally
        {
            // Not StopAsync: DisposeAsync kills the process outright (SIGKILL), with the answer in flight.
            await first.DisposeAsync();
            output.WriteLine(first.Output);
        }

        var second = await StartAsync(patience.Token);
        try
        {
            var answers = await _slack.WaitForCallsAsync("response_url", 2, patience.Token);
            Assert.Equal(answers[0].Body, answers[1].Body);
            Assert.Contains("Acme", answers[1].Body, StringComparison.Ordinal);
        }
        finally
        {
            // SIGTERM: the drain ends whatever is still running, so a second send would have been made by now.
            await second.StopAsync();
            await second.DisposeAsync();
            output.WriteLine(second.Output);
        }

        // The stalled post (never answered, killed) and the one Slack took: no third.
        Assert.Equal(2, _slack.CallsTo("response_url").Count);
    }

    [Fact]
    public async Task TeamsReply_HostSigKilledWhileTheConnectorIsSlowToTakeIt_SentOnceAfterTheRestart()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var patience = new CancellationTokenSource(Patience);
        var hang = FakeConnectorResponse.Hang();
        _connector.Enqueue(hang);

        var first = await StartAsync(patience.Token);
        try
        {
            using var http = new HttpClient();
            using var acked = await http.PostAsync(first.Endpoint, Json(new ActivityBuilder().Message("map Acme create").WithServiceUrl(_connector.ServiceUrl).Build()), patience.Token);
            Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
            await hang.Arrived.Task.WaitAsync(patience.Token);
        }
        finally
        {
            await first.DisposeAsync();
            output.WriteLine(first.Output);
        }

        Assert.Empty(_connector.Accepted);
        var delivered = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        _connector.Responder = request =>
        {
            delivered.TrySetResult(request);
            return null;
        };
        var second = await StartAsync(patience.Token);
        try
        {
            var reply = await delivered.Task.WaitAsync(patience.Token);
            Assert.Equal(_connector.Requests[0].RawTarget, reply.RawTarget);
            Assert.Equal(_connector.Requests[0].Body, reply.Body);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
            output.WriteLine(second.Output);
        }

        Assert.Single(_connector.Accepted);
        Assert.Equal(2, _connector.Requests.Count);
    }

    private static StringContent Json(Activity activity) =>
        new(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity), Encoding.UTF8, "application/json");

    private Task<AccountBotHostProcess> StartAsync(CancellationToken cancellationToken) =>
        AccountBotHostProcess.StartAsync(
            new AccountBotHostSettings
            {
                Folder = _folder,
                Port = _port,
                Environment = new Dictionary<string, string>
                {
                    ["Slack__SigningSecret"] = SigningSecret,
                    ["Slack__BotToken"] = "xoxb-e2e",
                    ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
                    ["Reminders__Enabled"] = "false",
                    // A short lease, so the restarted host takes over the killed one's claim within the test.
                    ["FollowUps__Lease"] = "00:00:02",
                },
            },
            cancellationToken);
}
