using System.Net;
using AccountBot.Testing.Slack;

namespace AccountBot.Host.Tests.Hosting;

/// <summary>
/// SIGTERM to the real host process while follow-up work (answers to response_url, promised after the ack) is still
/// held up by a slow Slack: the host finishes it before it exits, and exits 0.
/// </summary>
public sealed class GracefulStopTests
{
    private const string SigningSecret = "graceful-stop-signing-secret";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_SendsTheQueuedFollowUpsIncludingAThrottledOne_ThenExitsZero()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var slack = await FakeSlackApi.StartAsync(cancellationToken: deadline.Token);
        var stalled = FakeSlackReply.Stall();
        // One answer held until the host is stopping; one throttled, so it waits out its Retry-After on the queue.
        slack.Script("response_url", stalled, FakeSlackReply.RateLimited(1));
        var port = ListenHostProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        await using var host = ListenHostProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.AbsoluteUri.TrimEnd('/'),
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = "xoxb-graceful-stop",
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            // A 429 is not waited out inside the call: it goes back on the follow-up queue with its Retry-After.
            ["Slack__ApiRetry__MaxRetries"] = "0",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        await host.WaitUntilHealthyAsync(address);

        var signer = new SlackRequestSigner(SigningSecret, TimeProvider.System);
        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 3; i++)
        {
            using var request = signer.CreateInteractionRequest("/slack/interactivity",
                SlackPayloads.BlockAction("cmd:help", "map help", responseUrl: slack.ResponseUrl("answer" + i)));
            using var response = await http.SendAsync(request, deadline.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // All three were acked; one answer hangs at Slack, one was throttled, one went through.
        await stalled.Stalled.WaitAsync(deadline.Token);
        await slack.WaitForCallsAsync("response_url", 3, deadline.Token);

        await host.TerminateAsync(deadline.Token);
        await host.WaitForLineAsync("Application is shutting down", deadline.Token);
        stalled.Release();
        var exitCode = await host.WaitForExitAsync(deadline.Token);

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{host.Output}");
        // The throttled answer was sent again after its Retry-After, during the drain: three answers, one twice.
        var answered = slack.CallsTo("response_url").Select(c => c.Body).ToList();
        Assert.Equal(4, answered.Count);
        Assert.DoesNotContain("abandoned", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Follow-up work failed", host.Output, StringComparison.Ordinal);
    }
}
