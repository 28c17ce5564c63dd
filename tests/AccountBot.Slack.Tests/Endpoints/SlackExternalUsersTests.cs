using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Access;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Tests.Endpoints;

/// <summary>
/// Slack Connect: a person whose team is not the installation's (read from <c>user.team_id</c>,
/// <c>view.app_installed_team_id</c>, <c>event.user_team</c>, or a command's team with no installation of this app)
/// reaches no listener, so can neither read nor change maps, and gets <see cref="AccessNotices.ExternalUser"/>.
/// </summary>
public sealed class SlackExternalUsersTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly RecordingListeners _listeners = new();
    private SlackTestHost _host = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(app => _listeners.Register(app));
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme", BotUserId = "U0BOT", AppId = "A0APP" }, Ct);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    private IReadOnlyList<string> Calls => _listeners.Calls;

    [Fact]
    public async Task Command_TeamWithoutThisAppInstalled_ExternalUserNoticeAndListenerNotCalled()
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("Acme", team: "T0CUSTOMER", user: "U0GUEST"));

        using var response = await _host.Client.SendAsync(request, Ct);

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Equal(AccessNotices.ExternalUser, json.GetProperty("text").GetString());
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Command_InstallationOfAnotherApp_ExternalUserNotice()
    {
        var fields = SlackPayloads.Command("Acme", user: "U0GUEST").Select(f => f.Key == "api_app_id" ? new KeyValuePair<string, string>(f.Key, "A0SOMEONEELSE") : f);
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, fields);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Contains(JsonSerializer.Serialize(AccessNotices.ExternalUser), await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Command_MemberOfTheInstallingTeam_ListenerAnswers()
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, SlackPayloads.Command("Acme"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Contains("in_channel", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["command T0ACME/U0ANA"], Calls);
    }

    [Fact]
    public async Task BlockAction_UserOfAnotherTeam_ExternalUserNoticeToResponseUrl()
    {
        var payload = JsonNode.Parse(SlackPayloads.BlockAction("cmd:create", "map Acme create", user: "U0GUEST", responseUrl: _host.Api.ResponseUrl("guest")))!;
        payload["user"]!["team_id"] = "T0CUSTOMER";
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, payload.ToJsonString());

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = Assert.Single(await _host.Api.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal(AccessNotices.ExternalUser, posted.Json.GetProperty("text").GetString());
        Assert.Equal("ephemeral", posted.Json.GetProperty("response_type").GetString());
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task ViewSubmission_ModalOpenedInConnectChannelByOutsider_ExternalUserModal()
    {
        // A modal opened from a Slack Connect channel: team is the outsider's, view.app_installed_team_id ours.
        var payload = JsonNode.Parse(SlackPayloads.ViewSubmission("stakeholder-form", "{}", new Dictionary<string, JsonObject> { ["name"] = SlackPayloads.Text("Jane") }, team: "T0CUSTOMER", user: "U0GUEST"))!;
        payload["view"]!["app_installed_team_id"] = "T0ACME";
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, payload.ToJsonString());

        using var response = await _host.Client.SendAsync(request, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("update", JsonDocument.Parse(body).RootElement.GetProperty("response_action").GetString());
        Assert.Contains(JsonSerializer.Serialize(AccessNotices.ExternalUser)[1..^1], body, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Options_UserOfAnotherTeam_NoOptions()
    {
        var payload = JsonNode.Parse(SlackPayloads.BlockSuggestion("reportsTo", "reportsTo", "ja", "{}", user: "U0GUEST"))!;
        payload["user"]!["team_id"] = "T0CUSTOMER";
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Options, payload.ToJsonString());

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("options").GetArrayLength());
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task AppMention_AuthorOfAnotherTeam_OnePrivateLineAndListenerNeverRuns()
    {
        var payload = JsonNode.Parse(SlackPayloads.AppMention("<@U0BOT> map Acme", "Ev0GUEST", user: "U0GUEST"))!;
        payload["event"]!["user_team"] = "T0CUSTOMER";
        payload["is_ext_shared_channel"] = true;
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, payload.ToJsonString());

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.App.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(Ct);
        Assert.Empty(Calls);
        var notice = Assert.Single(_host.Api.Calls);
        Assert.Equal("chat.postEphemeral", notice.Method);
        Assert.Equal("U0GUEST", notice.Json.GetProperty("user").GetString());
        Assert.Equal(AccessNotices.ExternalUser, notice.Json.GetProperty("text").GetString());
    }
}
