using System.Net;
using AccountBot.Core.FollowUps;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using AccountBot.Tests.Reminders;
using AccountBot.Tests.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AccountBot.Tests.Telemetry;

/// <summary>
/// The real host with signed Slack and Teams requests, exporting to a loopback OTLP/HTTP receiver when (and only when)
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> says so.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private const string SigningSecret = "otel-signing-secret-0123456789";
    private const string PictureToken = "a-link-token-that-must-stay-secret";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private SignedTeamsRig _rig = null!;
    private FakeSlackApi _slack = null!;
    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("otel", "otel-key", "msteams");
        _slack = await FakeSlackApi.StartAsync();
        _receiver = await OtlpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _slack.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task MapAcme_OnSlackAndTeams_WithEndpoint_ExportsCommandAndApiMetricsServerSpansAndLogsWithTraceIds()
    {
        await using var host = Start(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", _receiver.Endpoint.AbsoluteUri.TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "accountbot-under-test"),
            ("OTEL_METRIC_EXPORT_INTERVAL", "100"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_BLRP_SCHEDULE_DELAY", "100"));

        await MapAcmeOnSlackAndTeamsAsync(host);
        using (var client = host.CreateClient())
        using (var picture = await client.GetAsync(new Uri("/maps/" + PictureToken + ".png", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.NotFound, picture.StatusCode);

        using var patience = new CancellationTokenSource(Patience);
        await _receiver.WaitUntilAsync(
            r => HasPoint(r, "accountbot.commands", "slack", ("accountbot.command.verb", "map"))
                && HasPoint(r, "accountbot.commands", "teams", ("accountbot.command.verb", "map"))
                && HasPoint(r, "accountbot.api.calls", "slack")
                && HasPoint(r, "accountbot.api.calls", "teams")
                && r.Spans.Any(s => s.Kind == 2 && s.Attributes.GetValueOrDefault("http.route") == "/slack/commands")
                && r.Spans.Any(s => s.Kind == 2 && s.Attributes.GetValueOrDefault("http.route") == "/api/messages")
                && r.Spans.Any(s => s.Name == "command map")
                && r.Spans.Any(s => s.Kind == 3 && s.Attributes.ContainsKey("url.full"))
                && r.Spans.Any(s => s.Attributes.GetValueOrDefault("http.route") == "/maps/{token}.png")
                && r.Logs.Any(l => l.Body.Contains("rejected: signature", StringComparison.Ordinal)),
            patience.Token);

        // The refusal's warning carries the trace id of the request that caused it.
        var refused = Assert.Single(_receiver.Spans, s => s.Kind == 2 && s.Attributes.GetValueOrDefault("http.response.status_code") == "401");
        var warning = Assert.Single(_receiver.Logs, l => l.Body.Contains("rejected: signature", StringComparison.Ordinal));
        Assert.True(warning.HasTraceId);
        Assert.Equal(refused.TraceId, warning.TraceId);

        var commands = _receiver.Points.First(p => p.Metric == "accountbot.commands");
        Assert.Equal("{command}", commands.Unit);
        Assert.All(_receiver.Resources, resource => Assert.Equal("accountbot-under-test", resource.GetValueOrDefault("service.name")));

        // A picture link's path is its signed token, a response_url's path a credential: spans show neither.
        Assert.Equal("/maps/{token}.png", _receiver.Spans.Single(s => s.Attributes.GetValueOrDefault("http.route") == "/maps/{token}.png").Attributes["url.path"]);
        Assert.DoesNotContain(_receiver.Spans.SelectMany(s => s.Attributes.Values), value => value.Contains(PictureToken, StringComparison.Ordinal));
        var urls = _receiver.Spans.Where(s => s.Kind == 3).Select(s => s.Attributes.GetValueOrDefault("url.full") ?? "").ToList();
        Assert.DoesNotContain(urls, url => url.Contains("/response/", StringComparison.Ordinal));
        Assert.Contains(urls, url => url.EndsWith("/REDACTED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MapAcme_WithoutEndpoint_RegistersNoExporterAndSendsNothing()
    {
        var host = Start(("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), ("OTEL_METRIC_EXPORT_INTERVAL", "100"));
        try
        {
            Assert.Null(host.Services.GetService<TracerProvider>());
            Assert.Null(host.Services.GetService<MeterProvider>());
            Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);

            await MapAcmeOnSlackAndTeamsAsync(host);
        }
        finally
        {
            // Stopping flushes every exporter there is, so anything that was going to be sent has been by now.
            await host.DisposeAsync();
        }

        Assert.Equal(0, _receiver.Posts);
    }

    private static bool HasPoint(OtlpReceiver receiver, string metric, string platform, params (string Key, string Value)[] attributes) =>
        receiver.Points.Any(p => p.Metric == metric
            && p.Attributes.GetValueOrDefault("accountbot.platform") == platform
            && attributes.All(a => p.Attributes.GetValueOrDefault(a.Key) == a.Value));

    private WebApplicationFactory<Program> Start(params (string Key, string? Value)[] settings) =>
        _rig.Start(
        [
            ("Slack:SigningSecret", SigningSecret),
            ("Slack:BotToken", "xoxb-otel"),
            ("Slack:ApiBaseUrl", _slack.ApiBaseUrl.AbsoluteUri),
            .. settings,
        ]);

    private async Task MapAcmeOnSlackAndTeamsAsync(WebApplicationFactory<Program> host)
    {
        using var patience = new CancellationTokenSource(Patience);
        var signer = new SlackRequestSigner(SigningSecret, TimeProvider.System);
        using var client = host.CreateClient();

        // Shown in the channel, the map makes the bot ask Slack whether the channel is shared (conversations.info).
        foreach (var text in new[] { "Acme create", "Acme" })
        {
            using var command = signer.CreateFormRequest("/slack/commands", SlackPayloads.Command(text, responseUrl: _slack.ResponseUrl("cmd")));
            using var answer = await client.SendAsync(command, patience.Token);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        using var forged = new SlackRequestSigner("not-the-signing-secret", TimeProvider.System).CreateFormRequest("/slack/commands", SlackPayloads.Command("Acme"));
        using var refused = await client.SendAsync(forged, patience.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);

        var status = await _rig.PostAsync(host, new ActivityBuilder().Message("map Acme").WithServiceUrl(_rig.Connector.ServiceUrl).Build());
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
