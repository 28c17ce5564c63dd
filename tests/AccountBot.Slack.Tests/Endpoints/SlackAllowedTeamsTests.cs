using System.Net;
using System.Text.Json;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Access;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>
/// <c>Slack:AllowedTeams</c>: a signed request from a team (or enterprise) not on the list never reaches a listener;
/// it gets <see cref="AccessNotices.WorkspaceNotAllowed"/> where Slack shows an answer, and an install from such a
/// team stores no token.
/// </summary>
public sealed class SlackAllowedTeamsTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly RecordingListeners _listeners = new();
    private SlackTestHost _host = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(app => _listeners.Register(app),
            new Dictionary<string, string?> { ["Slack:AllowedTeams:0"] = "T0ACME", ["Slack:AllowedTeams:1"] = "E0GRID" });
        foreach (var team in new[] { "T0ACME", "T0EVIL" })
            await _host.Store.SaveAsync(new SlackInstallation { TeamId = team, BotToken = "xoxb-" + team, BotUserId = "U0BOT" }, Ct);
        await _host.Store.SaveAsync(new SlackInstallation { EnterpriseId = "E0GRID", TeamId = "T0GRID", BotToken = "xoxb-grid", BotUserId = "U0BOT" }, Ct);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    private IReadOnlyList<string> Calls => _listeners.Calls;

    [Fact]
    public async Task Command_TeamNotAllowed_EphemeralNoticeAndListenerNotCalled()
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("Acme create", team: "T0EVIL"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Equal(AccessNotices.WorkspaceNotAllowed, json.GetProperty("text").GetString());
        Assert.Empty(Calls);
    }

    [Theory]
    [InlineData("T0ACME", null)]
    [InlineData("T0GRID", "E0GRID")]
    public async Task Command_TeamOrItsEnterpriseAllowed_ListenerAnswers(string team, string? enterprise)
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("Acme", team: team, enterprise: enterprise));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("in_channel", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["command " + team + "/U0ANA"], Calls);
    }

    [Fact]
    public async Task BlockAction_TeamNotAllowed_EphemeralNoticeToResponseUrlAndListenerNotCalled()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity,
            SlackPayloads.BlockAction("cmd:create", "map Acme create", team: "T0EVIL", responseUrl: _host.Api.ResponseUrl("evil")));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = Assert.Single(await _host.Api.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal(AccessNotices.WorkspaceNotAllowed, posted.Json.GetProperty("text").GetString());
        Assert.Equal("ephemeral", posted.Json.GetProperty("response_type").GetString());
        Assert.False(posted.Json.GetProperty("replace_original").GetBoolean());
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task ViewSubmission_TeamNotAllowed_ModalShowsNoticeAndListenerNotCalled()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity,
            SlackPayloads.ViewSubmission("stakeholder-form", "{}", new Dictionary<string, System.Text.Json.Nodes.JsonObject> { ["name"] = SlackPayloads.Text("Jane") }, team: "T0EVIL"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("update", json.GetProperty("response_action").GetString());
        Assert.Contains(JsonSerializer.Serialize(AccessNotices.WorkspaceNotAllowed)[1..^1], body, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Options_TeamNotAllowed_NoOptionsAndListenerNotCalled()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Options,
            SlackPayloads.BlockSuggestion("reportsTo", "reportsTo", "ja", "{}", team: "T0EVIL"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(0, json.GetProperty("options").GetArrayLength());
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Event_TeamNotAllowed_EmptyOkAndListenerNeverRuns()
    {
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, SlackPayloads.AppMention("<@U0BOT> map Acme create", "Ev0EVIL", team: "T0EVIL"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
        // An event's listener is follow-up work: once the queue is idle it would have run.
        await _host.App.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Ct);
        Assert.Empty(Calls);
        Assert.Empty(_host.Api.Calls);
    }

    [Fact]
    public async Task OAuthCallback_TeamNotAllowed_StoresNoTokenAndSaysWhy()
    {
        using var start = await _host.Client.GetAsync(new Uri(SlackRequestHandler.Install, UriKind.Relative), Ct);
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{SlackRequestHandler.OAuthCallback}?code=code-1&state={Uri.EscapeDataString(state)}");
        request.Headers.Add("Cookie", $"{SlackOAuthState.CookieName}={state}");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(AccessNotices.WorkspaceNotAllowed, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await _host.Store.FindAsync(new SlackTeamKey(null, "T0FAKE"), Ct));
    }
}
