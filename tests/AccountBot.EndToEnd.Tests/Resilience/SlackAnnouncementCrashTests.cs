using System.Net;
using System.Text.Json.Nodes;
using AccountBot.EndToEnd.Tests.Product;
using AccountBot.Testing.Slack;
using Xunit.Abstractions;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.EndToEnd.Tests.Resilience;

/// <summary>
/// A Slack map change announcement promised after the ack survives the host being SIGKILLed while it is being sent:
/// the host started again on the same database sends it, and Slack receives it exactly once.
/// </summary>
public sealed class SlackAnnouncementCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SigningSecret = "e2e-crash-signing-secret-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The stakeholder modal's callback id (SlackBotIds.StakeholderForm; this project sees the host only as a process).
    private const string StakeholderForm = "stakeholder-form";

    private readonly string _folder = Directory.CreateTempSubdirectory("accountbot-e2e-announce-").FullName;
    private readonly int _port = AccountBotHostProcess.FreePort();
    private readonly SlackRequestSigner _signer = new(SigningSecret, TimeProvider.System);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Announcement_HostSigKilledWhileSlackIsSlowToTakeIt_SentExactlyOnceAfterTheRestart()
    {
        // SIGKILL is what this is about; Process.Kill is TerminateProcess on Windows.
        if (OperatingSystem.IsWindows())
            return;
        using var patience = new CancellationTokenSource(Patience);
        var slow = FakeSlackReply.Stall();
        _slack.Script("chat.postMessage", slow);

        var first = await StartAsync(patience.Token);
        try
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            await SubmitJaneAsync(http);
            await slow.Stalled.WaitAsync(patience.Token);
        }
        finally
        {
            // Not StopAsync: DisposeAsync kills the process outright (SIGKILL), with the announcement in flight.
            await first.DisposeAsync();
            output.WriteLine(first.Output);
        }

        Assert.Empty(_slack.Posts);
        var second = await StartAsync(patience.Token);
        try
        {
            var calls = await _slack.WaitForCallsAsync("chat.postMessage", 2, patience.Token);
            Assert.Contains("Jane Doe", calls[1].Body, StringComparison.Ordinal);
        }
        finally
        {
            // SIGTERM: the drain ends whatever is still running, so a second send would have been made by now.
            await second.StopAsync();
            await second.DisposeAsync();
            output.WriteLine(second.Output);
        }

        var post = Assert.Single(_slack.Posts);
        Assert.Equal("C0DEALS", post.Channel);
        Assert.Contains("Jane Doe", post.Call.Body, StringComparison.Ordinal);
    }

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
                    // A short lease, so the restarted host takes over the killed one's claim within the test (a send
                    // slower than that, on a cold start, is covered by the lease's renewal while sending).
                    ["FollowUps__Lease"] = "00:00:02",
                },
            },
            cancellationToken);

    private async Task SubmitJaneAsync(HttpClient http)
    {
        using (var created = await CommandAsync(http, "Acme create"))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using (var add = await CommandAsync(http, "Acme add Jane"))
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        var metadata = PrivateMetadataOf(Assert.Single(_slack.CallsTo("views.open")).Json);
        using var request = _signer.CreateInteractionRequest("/slack/interactivity", ViewSubmission(StakeholderForm, metadata, new Dictionary<string, JsonObject>
        {
            ["name"] = Text("Jane Doe"),
            ["power"] = Selected("4"),
        }));
        using var submitted = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
    }

    private async Task<HttpResponseMessage> CommandAsync(HttpClient http, string text)
    {
        using var request = _signer.CreateFormRequest("/slack/commands", Command(text, team: "T0ACME", channel: "C0DEALS", responseUrl: _slack.ResponseUrl("cmd"), triggerId: "1337.42.trigger"));
        return await http.SendAsync(request);
    }
}
