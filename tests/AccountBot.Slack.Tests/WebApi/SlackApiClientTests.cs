using System.Text.Json;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private static readonly SlackTeamKey Acme = new(null, "T0ACME");
    private static readonly SlackTeamKey Globex = new("E0GRID", "T0GLOBEX");

    private readonly VirtualTimeProvider _time = new();
    private readonly InMemorySlackInstallationStore _store = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private FakeSlackApi _fake = null!;
    private HttpClient _http = null!;
    private SlackApiClient _client = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackApi.StartAsync(_time);
        _http = new HttpClient { BaseAddress = _fake.ApiBaseUrl };
        _client = new SlackApiClient(_http, _store, new SlackChannelPacer(_time), _time, NullLogger<SlackApiClient>.Instance);
        await _store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme" }, Ct);
        await _store.SaveAsync(new SlackInstallation { EnterpriseId = "E0GRID", TeamId = "T0GLOBEX", BotToken = "xoxb-globex" }, Ct);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task PostMessageAsync_TwoWorkspaces_SendsEachWorkspacesBearerTokenAndJson()
    {
        var posted = await _client.PostMessageAsync(Acme, "C1", new SlackMessage("hello", [new DividerBlock()]) { ThreadTs = "1.2" }, Ct);
        await _client.PostMessageAsync(Globex, "C2", new SlackMessage("hi"), Ct);

        var calls = _fake.CallsTo("chat.postMessage");
        Assert.Equal("Bearer xoxb-acme", calls[0].Authorization);
        Assert.Equal("Bearer xoxb-globex", calls[1].Authorization);
        Assert.Equal("application/json; charset=utf-8", calls[0].ContentType);
        var body = calls[0].Json;
        Assert.Equal("C1", body.GetProperty("channel").GetString());
        Assert.Equal("hello", body.GetProperty("text").GetString());
        Assert.Equal("1.2", body.GetProperty("thread_ts").GetString());
        Assert.Equal("divider", body.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.False(body.TryGetProperty("response_type", out _));
        Assert.Equal("C1", posted.Channel);
        Assert.NotNull(posted.Ts);
    }

    [Fact]
    public async Task UploadFileAsync_ThreeCallsInOrder_FormFieldsExactBytesAndNoTokenOnTheUploadUrl()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "Name,Title\nZoë Ünïcødé,CFO\n"u8];

        var done = await _client.UploadFileAsync(Acme, "C1", "acme.csv", bytes, "Acme stakeholders", "<@U1> exported *Acme*", "1.2", Ct);

        Assert.Equal(["files.getUploadURLExternal", FakeSlackApi.UploadUrlMethod, "files.completeUploadExternal"], _fake.Calls.Select(c => c.Method));
        var start = _fake.Calls[0];
        Assert.Equal("Bearer xoxb-acme", start.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", start.ContentType, StringComparison.Ordinal);
        Assert.Equal("acme.csv", start.Form["filename"]);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), start.Form["length"]);
        Assert.Null(_fake.Calls[1].Authorization);
        Assert.Equal(bytes, _fake.Calls[1].BodyBytes);
        var complete = _fake.Calls[2];
        Assert.Equal("Bearer xoxb-acme", complete.Authorization);
        Assert.Equal("C1", complete.Form["channel_id"]);
        Assert.Equal("1.2", complete.Form["thread_ts"]);
        Assert.Equal("<@U1> exported *Acme*", complete.Form["initial_comment"]);
        var file = JsonDocument.Parse(complete.Form["files"]).RootElement[0];
        Assert.Equal("F000001", file.GetProperty("id").GetString());
        Assert.Equal("Acme stakeholders", file.GetProperty("title").GetString());
        Assert.NotNull(done.Files);
    }

    [Fact]
    public async Task UploadFileAsync_CompleteOkFalse_ThrowsTypedError()
    {
        _fake.Script("files.completeUploadExternal", FakeSlackReply.Error("not_in_channel"));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.UploadFileAsync(Acme, "C1", "a.csv", [1, 2, 3], "A", null, null, Ct));

        Assert.Equal("files.completeUploadExternal", e.ApiMethod);
        Assert.Equal("not_in_channel", e.Error);
    }

    [Fact]
    public async Task UploadFileAsync_UploadUrlFails_ThrowsAndNeverCompletes()
    {
        _fake.Script(FakeSlackApi.UploadUrlMethod, FakeSlackReply.HttpStatus(500));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.UploadFileAsync(Acme, "C1", "a.csv", [1, 2, 3], "A", null, null, Ct));

        Assert.Equal("http_500", e.Error);
        Assert.Empty(_fake.CallsTo("files.completeUploadExternal"));
    }

    [Fact]
    public async Task PostMessageAsync_OrgWideInstall_UsesEnterpriseToken()
    {
        await _store.SaveAsync(new SlackInstallation { EnterpriseId = "E0ORG", TeamId = "T0ANY", IsEnterpriseInstall = true, BotToken = "xoxb-org" }, Ct);

        await _client.PostMessageAsync(new SlackTeamKey("E0ORG", "T0OTHER"), "C1", new SlackMessage("x"), Ct);

        Assert.Equal("Bearer xoxb-org", Assert.Single(_fake.CallsTo("chat.postMessage")).Authorization);
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_ThrowsTypedErrorWithMessages()
    {
        _fake.Script("chat.postMessage", FakeSlackReply.Error("invalid_blocks", "[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text]"));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), Ct));

        Assert.Equal("chat.postMessage", e.ApiMethod);
        Assert.Equal("invalid_blocks", e.Error);
        Assert.Contains("json-pointer:/blocks/0/text", Assert.Single(e.Messages), StringComparison.Ordinal);
        Assert.Contains("invalid_blocks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessageAsync_SameChannel_PacedOnePerSecond_OtherChannelNotDelayed()
    {
        await _client.PostMessageAsync(Acme, "C1", new SlackMessage("1"), Ct);
        await _client.PostMessageAsync(Acme, "C1", new SlackMessage("2"), Ct);
        await _client.PostMessageAsync(Acme, "C2", new SlackMessage("3"), Ct);
        await _client.PostMessageAsync(Acme, "C1", new SlackMessage("4"), Ct);

        var calls = _fake.CallsTo("chat.postMessage");
        var c1 = calls.Where(c => c.Json.GetProperty("channel").GetString() == "C1").Select(c => c.At).ToList();
        Assert.Equal(3, c1.Count);
        Assert.True(c1[1] - c1[0] >= TimeSpan.FromSeconds(1));
        Assert.True(c1[2] - c1[1] >= TimeSpan.FromSeconds(1));
        // Only the two C1 follow-ups waited; C2 went out at once.
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], _time.RequestedDelays);
    }

    [Fact]
    public async Task PostMessageAsync_NoInstallation_ThrowsWithoutCalling()
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostMessageAsync(new SlackTeamKey(null, "T0NONE"), "C1", new SlackMessage("x"), Ct));

        Assert.Equal("not_installed", e.Error);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task PostMessageAsync_StalledAndCancelled_ThrowsOperationCanceled()
    {
        var stall = FakeSlackReply.Stall();
        _fake.Script("chat.postMessage", stall);
        using var cancel = new CancellationTokenSource();

        var post = _client.PostMessageAsync(Acme, "C1", new SlackMessage("x"), cancel.Token);
        await stall.Stalled.WaitAsync(Ct);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
    }

    [Fact]
    public async Task PostEphemeralAndUpdate_SendChannelUserAndTs()
    {
        await _client.PostEphemeralAsync(Acme, "C1", "U1", new SlackMessage("psst"), Ct);
        await _client.UpdateMessageAsync(Acme, "C1", "1.5", new SlackMessage("edited"), Ct);

        Assert.Equal("U1", _fake.CallsTo("chat.postEphemeral")[0].Json.GetProperty("user").GetString());
        Assert.Equal("1.5", _fake.CallsTo("chat.update")[0].Json.GetProperty("ts").GetString());
    }

    [Fact]
    public async Task ViewsCalls_SendTriggerIdViewIdHashAndView()
    {
        var modal = new ModalView("cb", "Title", [new DividerBlock()]);

        var opened = await _client.OpenViewAsync(Acme, "trigger-1", modal, Ct);
        await _client.PushViewAsync(Acme, "trigger-2", modal, Ct);
        await _client.UpdateViewAsync(Acme, opened.View!.Id, modal, opened.View.Hash, Ct);

        var open = _fake.CallsTo("views.open")[0].Json;
        Assert.Equal("trigger-1", open.GetProperty("trigger_id").GetString());
        Assert.Equal("modal", open.GetProperty("view").GetProperty("type").GetString());
        Assert.Equal("trigger-2", _fake.CallsTo("views.push")[0].Json.GetProperty("trigger_id").GetString());
        var update = _fake.CallsTo("views.update")[0].Json;
        Assert.Equal(opened.View.Id, update.GetProperty("view_id").GetString());
        Assert.Equal(opened.View.Hash, update.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task AuthTestAsync_ReturnsIdentity()
    {
        var identity = await _client.AuthTestAsync(Acme, Ct);

        Assert.Equal("U0BOT", identity.UserId);
        Assert.Equal("Bearer xoxb-acme", _fake.CallsTo("auth.test")[0].Authorization);
    }

    [Fact]
    public async Task OAuthV2AccessAsync_PostsFormWithClientCredentialsAndNoBearer()
    {
        var access = await _client.OAuthV2AccessAsync("cid", "csecret", "code-1", new Uri("https://bot.example/slack/oauth/callback"), Ct);

        var call = Assert.Single(_fake.CallsTo("oauth.v2.access"));
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
        Assert.Null(call.Authorization);
        Assert.Equal("cid", call.Form["client_id"]);
        Assert.Equal("csecret", call.Form["client_secret"]);
        Assert.Equal("code-1", call.Form["code"]);
        Assert.Equal("https://bot.example/slack/oauth/callback", call.Form["redirect_uri"]);
        Assert.Equal("xoxb-fake-installed", access.AccessToken);
        Assert.DoesNotContain("xoxb", access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostToResponseUrlAsync_PostsMessageJsonWithoutToken()
    {
        await _client.PostToResponseUrlAsync(_fake.ResponseUrl("abc"), new SlackMessage("done") { ReplaceOriginal = true }, Ct);

        var call = Assert.Single(_fake.CallsTo("response_url"));
        Assert.Null(call.Authorization);
        Assert.True(call.Json.GetProperty("replace_original").GetBoolean());
        Assert.Equal("done", call.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostToResponseUrlAsync_Expired_ThrowsTypedError()
    {
        _fake.Script("response_url", FakeSlackReply.HttpStatus(404));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => _client.PostToResponseUrlAsync(_fake.ResponseUrl(), new SlackMessage("x"), Ct));

        Assert.Equal("http_404", e.Error);
    }

    [Fact]
    public void SlackInstallation_ToString_HidesToken()
    {
        Assert.DoesNotContain("xoxb", new SlackInstallation { TeamId = "T", BotToken = "xoxb-secret" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ChatPostMessageRequest_LeavesOutNulls()
    {
        var json = JsonSerializer.Serialize(new ChatPostMessageRequest("C1", "t", null, null), SlackJsonContext.Default.ChatPostMessageRequest);
        Assert.Equal("""{"channel":"C1","text":"t"}""", json);
    }
}
