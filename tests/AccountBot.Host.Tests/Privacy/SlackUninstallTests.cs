using System.Globalization;
using System.Net;
using AccountBot.Core.Accounts;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Host.Tests.Slack;
using AccountBot.Testing.Logging;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Host.Tests.Privacy;

/// <summary>
/// Data leaves with the workspace on Slack: signed <c>app_uninstalled</c> / <c>tokens_revoked</c> events to the real host
/// on LiteDB, the grace period (Privacy:UninstallGraceDays) on a fake clock, a reinstall through OAuth.
/// </summary>
public sealed class SlackUninstallTests : IAsyncDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(30);
    private readonly RemovalClock _clock = new();
    private readonly LogRecorder _logs = new();
    private SlackBotHost _host = null!;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        _logs.Dispose();
    }

    private async Task<ErasureScenario> StartAsync(string team, params (string Key, string Value)[] settings)
    {
        _host = await SlackBotHost.StartAsync(
            services =>
            {
                _clock.Configure(services);
                services.AddSingleton<ILoggerProvider>(_logs);
            },
            [("Reminders:Enabled", "false"), .. settings]);
        var scenario = new ErasureScenario(_host.Factory.Services, SlackBotHost.UserOf(team));
        await scenario.SeedAsync();
        await _host.SeedAsync("T0OTHER", "Globex", ["Bob Stays"]);
        Assert.Equal(0, await _clock.NextPassAsync());
        return scenario;
    }

    [Fact]
    public async Task AppUninstalled_DataDeletedOnlyOnceTheGracePeriodIsOver_TheOtherWorkspaceKeepsItsOwn_NoTraceInTheFile()
    {
        var scenario = await StartAsync("T0ACME");
        var uninstalledAt = _clock.Time.GetUtcNow();

        Assert.Equal(HttpStatusCode.OK, await PostEventAsync("T0ACME", """{ "type": "app_uninstalled", "event_ts": "1515449522.000016" }"""));

        var removal = await RemovalClock.ScheduledAsync(_host.Factory.Services, WorkspaceKey.ForSlack(null, "T0ACME"));
        Assert.Equal((uninstalledAt + Grace, "app_uninstalled"), (removal?.DeleteAfter, removal?.Reason));
        var announced = Assert.Single(_logs.Entries, e => e.Message.Contains("removed the app", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, announced.Level);
        Assert.Contains("slack:T0ACME", announced.Message, StringComparison.Ordinal);
        Assert.Contains((uninstalledAt + Grace).ToString(CultureInfo.InvariantCulture), announced.Message, StringComparison.Ordinal);
        Assert.Contains("1 maps, ", announced.Message, StringComparison.Ordinal);
        Assert.Empty(ErasureScenario.TracesIn(_logs.Text));

        Assert.Equal(0, await _clock.AdvanceAsync(Grace - TimeSpan.FromHours(2)));
        Assert.Equal(scenario.MapId, (await scenario.MapAsync()).Id);

        Assert.Equal(1, await _clock.AdvanceAsync(TimeSpan.FromHours(3)));

        Assert.Null(await _host.FindMapAsync("T0ACME", ErasureScenario.MapName));
        Assert.Empty(await scenario.HistoryAsync());
        Assert.Null(await scenario.DigestAsync());
        Assert.Null(await RemovalClock.ScheduledAsync(_host.Factory.Services, WorkspaceKey.ForSlack(null, "T0ACME")));
        var installations = _host.Factory.Services.GetRequiredService<ISlackInstallationStore>();
        Assert.Null(await installations.FindAsync(new SlackTeamKey(null, "T0ACME"), CancellationToken.None));
        Assert.NotNull(await installations.FindAsync(new SlackTeamKey(null, "T0OTHER"), CancellationToken.None));
        Assert.Equal(["Bob Stays"], (await _host.FindMapAsync("T0OTHER", "Globex"))!.Stakeholders.Select(s => s.Name));
        Assert.Contains(_logs.Entries, e => e.Message.Contains("slack:T0ACME's data was deleted (app_uninstalled): 1 maps", StringComparison.Ordinal));
        Assert.Empty(ErasureScenario.TracesInDatabaseFiles(_host.DatabasePath));
        Assert.Equal(0, await _clock.AdvanceAsync(TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task AppUninstalled_InstalledAgainThroughOAuthWithinTheGracePeriod_NothingIsDeleted()
    {
        // The fake Web API's oauth.v2.access installs team T0FAKE.
        var scenario = await StartAsync("T0FAKE");
        Assert.Equal(HttpStatusCode.OK, await PostEventAsync("T0FAKE", """{ "type": "app_uninstalled", "event_ts": "1515449522.000016" }"""));
        Assert.NotNull(await RemovalClock.ScheduledAsync(_host.Factory.Services, WorkspaceKey.ForSlack(null, "T0FAKE")));

        using (var installed = await ReinstallAsync())
            Assert.Equal(HttpStatusCode.OK, installed.StatusCode);

        Assert.Null(await RemovalClock.ScheduledAsync(_host.Factory.Services, WorkspaceKey.ForSlack(null, "T0FAKE")));
        Assert.Contains(_logs.Entries, e => e.Message.Contains("slack:T0FAKE installed the app again", StringComparison.Ordinal));
        Assert.Equal(0, await _clock.AdvanceAsync(Grace + TimeSpan.FromDays(1)));
        Assert.Equal(scenario.MapId, (await scenario.MapAsync()).Id);
        Assert.NotEmpty(await scenario.HistoryAsync());
    }

    [Fact]
    public async Task TokensRevoked_NoGracePeriod_DataDeletedBeforeTheAck()
    {
        await StartAsync("T0ACME", ("Privacy:UninstallGraceDays", "0"));

        Assert.Equal(HttpStatusCode.OK, await PostEventAsync("T0ACME", """{ "type": "tokens_revoked", "tokens": { "oauth": ["U0ANA"], "bot": ["U0BOT"] }, "event_ts": "1515449522.000016" }"""));

        Assert.Null(await _host.FindMapAsync("T0ACME", ErasureScenario.MapName));
        Assert.NotNull(await _host.FindMapAsync("T0OTHER", "Globex"));
        Assert.Empty(ErasureScenario.TracesInDatabaseFiles(_host.DatabasePath));
    }

    [Fact]
    public async Task TokensRevoked_UserTokensOnly_NothingScheduled()
    {
        var scenario = await StartAsync("T0ACME");

        Assert.Equal(HttpStatusCode.OK, await PostEventAsync("T0ACME", """{ "type": "tokens_revoked", "tokens": { "oauth": ["U0ANA"] }, "event_ts": "1515449522.000016" }"""));

        Assert.Null(await RemovalClock.ScheduledAsync(_host.Factory.Services, WorkspaceKey.ForSlack(null, "T0ACME")));
        Assert.Equal(scenario.MapId, (await scenario.MapAsync()).Id);
    }

    private async Task<HttpStatusCode> PostEventAsync(string team, string eventJson)
    {
        var body = $$"""{ "token": "XXYYZZ", "team_id": "{{team}}", "api_app_id": "A0CA5", "event": {{eventJson}}, "type": "event_callback", "event_id": "Ev{{Guid.NewGuid():N}}", "event_time": 1515449522 }""";
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, body);
        using var response = await _host.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> ReinstallAsync()
    {
        // The install link redirects to Slack: read the redirect, do not follow it.
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.Client.BaseAddress };
        string state;
        using (var install = await client.GetAsync(new Uri(SlackRequestHandler.Install, UriKind.Relative)))
            state = QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();

        using var callback = new HttpRequestMessage(HttpMethod.Get, $"{SlackRequestHandler.OAuthCallback}?code=code-1&state={Uri.EscapeDataString(state)}");
        callback.Headers.Add("Cookie", $"{SlackOAuthState.CookieName}={state}");
        return await client.SendAsync(callback);
    }
}
