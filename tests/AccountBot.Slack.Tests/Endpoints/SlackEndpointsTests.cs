using System.Net;
using System.Text;
using System.Text.Json;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountBot.Slack.Tests.Endpoints;

public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _followUpDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _barrier = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<AppMentionEvent> _mentioned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _listenerCalls = [];
    private readonly Dictionary<string, int> _eventCounts = [];
    private SlackTestHost _host = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync(app => app
            .Command("/map", (command, context, _) =>
            {
                Record("command " + command.Text);
                context.RunAfterAck(async ct =>
                {
                    await _gate.Task.WaitAsync(ct);
                    _followUpDone.TrySetResult();
                });
                return Task.FromResult<SlackMessage?>(new SlackMessage($"Map for {SlackText.Escape(command.Text)}") { ResponseType = ResponseType.InChannel });
            })
            .Command("/quiet", (_, _, _) => Task.FromResult<SlackMessage?>(null))
            .Command("/boom", (_, _, _) => throw new InvalidOperationException("listener bug"))
            .Action("stakeholder:edit", (payload, action, _, _) =>
            {
                Record($"action {action.ActionId} {action.Value} {payload.Message?.Ts}");
                return Task.CompletedTask;
            })
            .ActionPrefix("map:", (_, action, _, _) =>
            {
                Record("prefix " + action.ActionId);
                return Task.CompletedTask;
            })
            .ViewSubmission("stakeholder-form", (payload, _, _) =>
            {
                Record("submit " + payload.View.State.GetText("name", "value"));
                return Task.FromResult<ViewSubmissionResponse?>(payload.View.State.GetNumber("influence", "value") > 5
                    ? ViewSubmissionResponse.Errors(new Dictionary<string, string> { ["influence"] = "Influence must be 5 or less" })
                    : null);
            })
            .ViewClosed("stakeholder-form", (payload, _, _) =>
            {
                Record("closed " + payload.View.Id);
                return Task.CompletedTask;
            })
            .Options("account", (payload, _, _) =>
            {
                Record("options " + payload.Value);
                return Task.FromResult(new OptionsResponse([new Option("Acme", "acme")]));
            })
            .Event(SlackEventTypes.AppMention, (envelope, _, _) =>
            {
                lock (_eventCounts)
                    _eventCounts[envelope.EventId] = _eventCounts.GetValueOrDefault(envelope.EventId) + 1;
                if (envelope.EventId == "Ev0BARRIER")
                    _barrier.TrySetResult();
                if (envelope.Event is AppMentionEvent mention && envelope.EventId == "Ev0LAN670R")
                    _mentioned.TrySetResult(mention);
                return Task.CompletedTask;
            }));

        // The fixtures' workspaces have installed the app: a request naming a team without one is refused.
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T3MDE", BotToken = "xoxb-t3mde" }, Ct);
        await _host.Store.SaveAsync(new SlackInstallation { EnterpriseId = "E0001", TeamId = "T0001", BotToken = "xoxb-t0001" }, Ct);
    }

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        await _host.DisposeAsync();
        _timeout.Dispose();
    }

    private void Record(string call)
    {
        lock (_listenerCalls)
            _listenerCalls.Add(call);
    }

    private IReadOnlyList<string> ListenerCalls
    {
        get
        {
            lock (_listenerCalls)
                return [.. _listenerCalls];
        }
    }

    private static string CommandBody(string text = "Acme & Co") =>
        SlackRequestSigner.EncodeForm(Fixture.ReadCommandFields("map.in-command.json").Select(kv => kv.Key == "text" ? new KeyValuePair<string, string>("text", text) : kv));

    private static string EventJson(string eventId) =>
        Fixture.Read("channel-mention.in-app-mention.json").Replace("Ev0LAN670R", eventId, StringComparison.Ordinal);

    /// <summary>For each endpoint: a body it would accept, with its content type.</summary>
    public static TheoryData<string, string> TamperCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var tamper in new[] { "bad-signature", "stale", "future", "tampered-body", "missing-signature", "missing-timestamp", "wrong-version" })
        {
            data.Add(SlackRequestHandler.Commands, tamper);
            data.Add(SlackRequestHandler.Interactivity, tamper);
            data.Add(SlackRequestHandler.Events, tamper);
            data.Add(SlackRequestHandler.Options, tamper);
        }

        return data;
    }

    private static (string Body, string ContentType) ValidBody(string path) => path switch
    {
        SlackRequestHandler.Commands => (CommandBody(), SlackRequestSigner.FormContentType),
        SlackRequestHandler.Interactivity => (SlackRequestSigner.EncodeInteraction(Fixture.Read("stakeholder-buttons.in-block-actions.json")), SlackRequestSigner.FormContentType),
        SlackRequestHandler.Options => (SlackRequestSigner.EncodeInteraction(Fixture.Read("account-search.block-suggestion.json")), SlackRequestSigner.FormContentType),
        _ => (EventJson("Ev0TAMPER"), SlackRequestSigner.JsonContentType),
    };

    [Theory]
    [MemberData(nameof(TamperCases))]
    public async Task Post_BadSignatureOrTimestamp_Returns401AndListenerNotCalled(string path, string tamper)
    {
        var (body, contentType) = ValidBody(path);
        var signer = _host.Signer;
        var now = signer.NowSeconds;
        using var request = tamper switch
        {
            "stale" => signer.CreateRequest(path, body, contentType, now - 301),
            "future" => signer.CreateRequest(path, body, contentType, now + 301),
            _ => signer.CreateRequest(path, body, contentType),
        };
        switch (tamper)
        {
            case "bad-signature":
                request.Headers.Remove("X-Slack-Signature");
                request.Headers.Add("X-Slack-Signature", new SlackRequestSigner("wrong-secret", _host.Time).Sign(now.ToString(System.Globalization.CultureInfo.InvariantCulture), body));
                break;
            case "tampered-body":
                var tampered = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("Acme", "Evil", StringComparison.Ordinal).Replace("U0CA5", "U0EVIL", StringComparison.Ordinal)));
                tampered.Headers.ContentType = request.Content!.Headers.ContentType;
                request.Content = tampered;
                break;
            case "missing-signature":
                request.Headers.Remove("X-Slack-Signature");
                break;
            case "missing-timestamp":
                request.Headers.Remove("X-Slack-Request-Timestamp");
                break;
            case "wrong-version":
                var signature = request.Headers.GetValues("X-Slack-Signature").Single();
                request.Headers.Remove("X-Slack-Signature");
                request.Headers.Add("X-Slack-Signature", "v1=" + signature[3..]);
                break;
        }

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(ListenerCalls);
        Assert.Empty(_eventCounts);
    }

    [Fact]
    public async Task Post_BodyOver64KB_Returns413()
    {
        using var request = _host.Signer.CreateRequest(SlackRequestHandler.Commands, CommandBody(new string('a', 70_000)), SlackRequestSigner.FormContentType);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(ListenerCalls);
    }

    [Fact]
    public async Task Post_SslCheck_Returns200WithoutListener()
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Commands, [new("ssl_check", "1"), new("token", "x")]);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ListenerCalls);
    }

    [Fact]
    public async Task Command_Signed_AckedWithListenersMessage()
    {
        using var request = _host.Signer.CreateRequest(SlackRequestHandler.Commands, CommandBody("Acme <corp>"), SlackRequestSigner.FormContentType);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Map for Acme &lt;corp&gt;", json.GetProperty("text").GetString());
        Assert.Equal("in_channel", json.GetProperty("response_type").GetString());
        Assert.Equal(["command Acme <corp>"], ListenerCalls);
    }

    [Fact]
    public async Task Command_ListenerReturnsNull_EmptyOk()
    {
        var body = SlackRequestSigner.EncodeForm(Fixture.ReadCommandFields("map.in-command.json").Select(kv => kv.Key == "command" ? new KeyValuePair<string, string>("command", "/quiet") : kv));
        using var request = _host.Signer.CreateRequest(SlackRequestHandler.Commands, body, SlackRequestSigner.FormContentType);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Command_Unknown_Returns404AndListenerThrowing_Returns500()
    {
        string With(string name) => SlackRequestSigner.EncodeForm(Fixture.ReadCommandFields("map.in-command.json").Select(kv => kv.Key == "command" ? new KeyValuePair<string, string>("command", name) : kv));
        using var unknown = _host.Signer.CreateRequest(SlackRequestHandler.Commands, With("/nope"), SlackRequestSigner.FormContentType);
        using var boom = _host.Signer.CreateRequest(SlackRequestHandler.Commands, With("/boom"), SlackRequestSigner.FormContentType);

        using var unknownResponse = await _host.Client.SendAsync(unknown, Ct);
        using var boomResponse = await _host.Client.SendAsync(boom, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, boomResponse.StatusCode);
        Assert.DoesNotContain("listener bug", await boomResponse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_FollowUpWork_RunsAfterTheAck()
    {
        using var request = _host.Signer.CreateRequest(SlackRequestHandler.Commands, CommandBody(), SlackRequestSigner.FormContentType);

        // The follow-up waits on a gate that only opens once the response is here: if the ack waited for the
        // follow-up, this would time out instead.
        using var response = await _host.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(_followUpDone.Task.IsCompleted);
        _gate.SetResult();

        await _followUpDone.Task.WaitAsync(Ct);
    }

    [Fact]
    public async Task Interactivity_BlockActions_RoutesByActionIdAndPrefix()
    {
        var fixture = Fixture.Read("stakeholder-buttons.in-block-actions.json");
        using var exact = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, fixture);
        using var prefixed = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, fixture.Replace("stakeholder:edit", "map:archive", StringComparison.Ordinal));
        using var unhandled = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, fixture.Replace("stakeholder:edit", "link:open", StringComparison.Ordinal));

        using var r1 = await _host.Client.SendAsync(exact, Ct);
        using var r2 = await _host.Client.SendAsync(prefixed, Ct);
        using var r3 = await _host.Client.SendAsync(unhandled, Ct);

        Assert.All([r1, r2, r3], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["action stakeholder:edit 42 1548261231.000200", "prefix map:archive"], ListenerCalls);
    }

    [Fact]
    public async Task Interactivity_ViewSubmissionInvalid_RespondsWithErrorsByBlockId()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, Fixture.Read("stakeholder-form.in-view-submission.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"response_action":"errors","errors":{"influence":"Influence must be 5 or less"}}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["submit Ada Lovelace"], ListenerCalls);
    }

    [Fact]
    public async Task Interactivity_ViewSubmissionValid_EmptyOkClosesModal()
    {
        var json = Fixture.Read("stakeholder-form.in-view-submission.json").Replace("\"7.5\"", "\"3\"", StringComparison.Ordinal);
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, json);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Interactivity_ViewClosed_CallsListener()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Interactivity, Fixture.Read("stakeholder-form.in-view-closed.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["closed V0CA5"], ListenerCalls);
    }

    [Fact]
    public async Task Interactivity_NotAPayload_Returns400()
    {
        using var request = _host.Signer.CreateFormRequest(SlackRequestHandler.Interactivity, [new("payload", "{not json")]);

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Options_BlockSuggestion_RespondsWithListenersOptions()
    {
        using var request = _host.Signer.CreateInteractionRequest(SlackRequestHandler.Options, Fixture.Read("account-search.block-suggestion.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"options":[{"text":{"type":"plain_text","text":"Acme"},"value":"acme"}]}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["options acm"], ListenerCalls);
    }

    [Fact]
    public async Task Events_UrlVerification_AnsweredWithChallenge()
    {
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, Fixture.Read("url-verification.event.json"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Events_AppMention_AckedThenListenerRunsWithTypedEvent()
    {
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, EventJson("Ev0LAN670R"));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mention = await _mentioned.Task.WaitAsync(Ct);
        Assert.Equal("<@U0BOT> map Acme", mention.Text);
    }

    [Fact]
    public async Task Events_RetryWithSameEventId_ListenerRunsOnce()
    {
        using var first = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, EventJson("Ev0LAN670R"));
        using var retry = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, EventJson("Ev0LAN670R"));
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");

        using var r1 = await _host.Client.SendAsync(first, Ct);
        await _mentioned.Task.WaitAsync(Ct);
        using var r2 = await _host.Client.SendAsync(retry, Ct);

        // A different event afterwards is a barrier: the queue is FIFO, so once it has run, a duplicate would have too.
        using var other = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, EventJson("Ev0BARRIER"));
        using var r3 = await _host.Client.SendAsync(other, Ct);
        await _barrier.Task.WaitAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        lock (_eventCounts)
            Assert.Equal(1, _eventCounts["Ev0LAN670R"]);
    }

    [Theory]
    [InlineData("app-uninstalled.event.json", "app_uninstalled")]
    [InlineData("tokens-revoked.event.json", "tokens_revoked")]
    public async Task Events_AppUninstalledOrTokensRevoked_DeletesInstallation_AndReportsTheWorkspaceRemoved(string fixture, string reason)
    {
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T3MDE", BotToken = "xoxb-gone" }, Ct);
        await _host.Store.SaveAsync(new SlackInstallation { TeamId = "T0OTHER", BotToken = "xoxb-stays" }, Ct);
        using var request = _host.Signer.CreateJsonRequest(SlackRequestHandler.Events, Fixture.Read(fixture));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _host.Store.FindAsync(new SlackTeamKey(null, "T3MDE"), Ct));
        Assert.NotNull(await _host.Store.FindAsync(new SlackTeamKey(null, "T0OTHER"), Ct));
        Assert.Equal([$"removed slack:T3MDE {reason}"], _host.Lifecycle.Calls);
    }

    [Fact]
    public async Task Install_Get_RedirectsToSlackWithStateAndSetsCookie()
    {
        using var response = await _host.Client.GetAsync(new Uri(SlackRequestHandler.Install, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://slack.com/oauth/v2/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(SlackTestHost.ClientId, query["client_id"].ToString());
        Assert.Equal("commands,chat:write,app_mentions:read,files:write,channels:history,groups:history,users:read,channels:read,groups:read,im:read,mpim:read,im:write", query["scope"].ToString());
        Assert.Equal("https://bot.example/slack/oauth/callback", query["redirect_uri"].ToString());
        var state = query["state"].ToString();
        Assert.False(string.IsNullOrEmpty(state));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{SlackOAuthState.CookieName}={state}", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<string> StartInstallAsync()
    {
        using var response = await _host.Client.GetAsync(new Uri(SlackRequestHandler.Install, UriKind.Relative), Ct);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }

    private async Task<HttpResponseMessage> CallbackAsync(string query, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SlackRequestHandler.OAuthCallback + query);
        if (cookie is not null)
            request.Headers.Add("Cookie", $"{SlackOAuthState.CookieName}={cookie}");
        return await _host.Client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task OAuthCallback_GoodState_ExchangesCodeAndStoresInstallation()
    {
        var state = await StartInstallAsync();

        using var response = await CallbackAsync($"?code=code-123&state={Uri.EscapeDataString(state)}", state);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_host.Api.CallsTo("oauth.v2.access"));
        Assert.Equal("code-123", call.Form["code"]);
        Assert.Equal(SlackTestHost.ClientId, call.Form["client_id"]);
        Assert.Equal(SlackTestHost.ClientSecret, call.Form["client_secret"]);
        var installation = await _host.Store.FindAsync(new SlackTeamKey(null, "T0FAKE"), Ct);
        Assert.Equal("xoxb-fake-installed", installation?.BotToken);
        Assert.Equal("U0BOT", installation?.BotUserId);
        Assert.DoesNotContain("xoxb", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["installed slack:T0FAKE"], _host.Lifecycle.Calls);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("no-cookie")]
    [InlineData("other-browser")]
    [InlineData("expired")]
    [InlineData("tampered")]
    public async Task OAuthCallback_BadState_Returns400WithHumanMessageAndStoresNothing(string kind)
    {
        var state = await StartInstallAsync();
        var other = await StartInstallAsync();
        var (query, cookie) = kind switch
        {
            "forged" => ("1.2.3", "1.2.3"),
            "no-cookie" => (state, null),
            "other-browser" => (state, other),
            "tampered" => ("9" + state, "9" + state),
            _ => (state, state),
        };
        if (kind == "expired")
            _host.Time.Advance(TimeSpan.FromMinutes(11));

        using var response = await CallbackAsync($"?code=code-123&state={Uri.EscapeDataString(query)}", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/slack/install", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(_host.Api.CallsTo("oauth.v2.access"));
        Assert.Null(await _host.Store.FindAsync(new SlackTeamKey(null, "T0FAKE"), Ct));
    }

    [Fact]
    public async Task OAuthCallback_SlackRefusesCode_Returns400()
    {
        _host.Api.Script("oauth.v2.access", FakeSlackReply.Error("invalid_code"));
        var state = await StartInstallAsync();

        using var response = await CallbackAsync($"?code=bad&state={Uri.EscapeDataString(state)}", state);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuthCallback_UserCancelled_Returns400()
    {
        using var response = await CallbackAsync("?error=access_denied&state=x", "x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cancelled", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
