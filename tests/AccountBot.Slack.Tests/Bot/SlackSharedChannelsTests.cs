using AccountBot.Slack.Bot;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Bot;

/// <summary>The sharing check: asked of conversations.info, kept at most five minutes per channel, forgotten on demand, and unknown counts as shared.</summary>
public sealed class SlackSharedChannelsTests : IAsyncLifetime
{
    private static readonly SlackTeamKey Acme = new(null, "T0ACME");
    private readonly InMemorySlackInstallationStore _store = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeSlackApi _api = null!;
    private SlackApiClient _client = null!;
    private SlackSharedChannels _channels = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync(_time);
        await _store.SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme" }, CancellationToken.None);
        var http = new HttpClient { BaseAddress = _api.ApiBaseUrl };
        _client = new SlackApiClient(http, _store, new SlackChannelPacer(_time), _time, NullLogger<SlackApiClient>.Instance);
        _channels = new SlackSharedChannels(_time, NullLogger<SlackSharedChannels>.Instance);
        _api.Responder = call => call.Method == "conversations.info"
            ? FakeSlackReply.OkJson(System.Text.Json.JsonSerializer.Serialize(new { ok = true, channel = new { id = call.Form["channel"], is_ext_shared = call.Form["channel"] == "C0SHARED" } }))
            : null;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task IsShared_AskedAgainOnlyAfterFiveMinutes()
    {
        Assert.True(await _channels.IsSharedAsync(_client, Acme, "C0SHARED", CancellationToken.None));
        _time.Advance(SlackSharedChannels.MaxAge - TimeSpan.FromSeconds(1));
        Assert.True(await _channels.IsSharedAsync(_client, Acme, "C0SHARED", CancellationToken.None));
        Assert.Single(_api.CallsTo("conversations.info"));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await _channels.IsSharedAsync(_client, Acme, "C0SHARED", CancellationToken.None));

        Assert.Equal(2, _api.CallsTo("conversations.info").Count);
        Assert.Equal("Bearer xoxb-acme", _api.CallsTo("conversations.info")[1].Authorization);
    }

    [Fact]
    public async Task Forget_NextCheckAsksSlack()
    {
        Assert.False(await _channels.IsSharedAsync(_client, Acme, "C0PLAIN", CancellationToken.None));

        _channels.Forget("C0PLAIN");
        await _channels.IsSharedAsync(_client, Acme, "C0PLAIN", CancellationToken.None);

        Assert.Equal(2, _api.CallsTo("conversations.info").Count);
    }

    [Fact]
    public async Task IsSharedOrUnknown_SlackCannotTell_CountsAsShared()
    {
        _api.Responder = null;
        _api.Script("conversations.info", FakeSlackReply.Error("missing_scope"));

        Assert.True(await _channels.IsSharedOrUnknownAsync(_client, Acme, "C0PLAIN", null, CancellationToken.None));
    }
}
