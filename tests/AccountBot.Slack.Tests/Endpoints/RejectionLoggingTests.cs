using System.Net;
using AccountBot.Core.Logging;
using AccountBot.Slack.Endpoints;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Testing;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>What refused Slack requests leave in the log: a line a second per reason with a count, and no long attacker text.</summary>
public sealed class RejectionLoggingTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private SlackTestHost _host = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync(_ => { });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Post_HundredBadSignaturesInOneSecond_LogsOneLineThenTheCount()
    {
        for (var i = 0; i < 100; i++)
            await PostWithWrongSecretAsync();

        var first = Assert.Single(Lines("Slack request to /slack/events rejected: signature"));
        Assert.Contains("(1 since the last such line)", first.Message, StringComparison.Ordinal);

        _host.Time.Advance(RejectionLog.Interval);
        await PostWithWrongSecretAsync();

        Assert.Equal(2, Lines("Slack request to /slack/events rejected: signature").Count);
        Assert.Contains("(100 since the last such line)", Lines("Slack request to /slack/events rejected: signature")[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthCallback_SixKilobyteError_LogsItTruncatedWithoutControlCharacters()
    {
        // Kestrel refuses a request line over 8 KB, so 6 KB is about the longest error a caller can send.
        var error = "evil\r\nINFO forged line " + new string('e', 6_000);

        using var response = await _host.Client.GetAsync(new Uri("/slack/oauth/callback?state=x&error=" + Uri.EscapeDataString(error), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var line = Assert.Single(Lines("Slack OAuth callback refused"));
        Assert.Contains(LogText.Untrusted(error), line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('e', LogText.MaxLength), line.Message, StringComparison.Ordinal);
        Assert.True(line.Message.Length < 200, line.Message);
    }

    private async Task PostWithWrongSecretAsync()
    {
        var signer = new SlackRequestSigner("wrong-secret", _host.Time);
        using var request = signer.CreateJsonRequest(SlackRequestHandler.Events, """{"type":"event_callback","team_id":"T0A","event_id":"Ev1","event":{"type":"app_mention"}}""");
        using var response = await _host.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private List<FakeLogRecord> Lines(string start) =>
        [.. _host.Logs.GetSnapshot().Where(r => r.Message.StartsWith(start, StringComparison.Ordinal))];
}
