using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Host.Tests.Slack;
using AccountBot.Slack.Rendering;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Host.Tests.Home;

/// <summary>The Slack App Home: a signed <c>app_home_opened</c> event to the real host, views.publish seen by the fake Slack API.</summary>
public sealed class SlackHomeTests : IAsyncLifetime
{
    private static readonly UserRef Ana = new("U0ANA", "ana");
    private SlackBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackBotHost.StartAsync();
        await HomeSeed.SeedAsync(_host.Factory.Services.GetRequiredService<IAccountMapStore>(), WorkspaceKey.ForSlack(null, "T0ACME"), Ana);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AppHomeOpened_PublishesTheUsersHome_DoneMarksTheStepAndRepublishes_OpenSendsTheMapByDm()
    {
        using (var request = _host.Signer.CreateJsonRequest("/slack/events", AppHomeOpened("Ev0HOME1")))
        using (var response = await _host.Client.SendAsync(request))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var published = Assert.Single(await _host.Api.WaitForCallsAsync("views.publish", 1, Timeout()));
        Assert.Equal("U0ANA", published.Json.GetProperty("user_id").GetString());
        var view = published.Json.GetProperty("view");
        Assert.Equal("home", view.GetProperty("type").GetString());
        Assert.Contains("Jane Doe (Acme)", view.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Not Ada", view.GetRawText(), StringComparison.Ordinal);

        var done = Buttons(view).First(b => b.GetProperty("action_id").GetString()!.StartsWith(SlackBotIds.HomeDone, StringComparison.Ordinal));
        using (var clicked = await _host.InteractAsync(BlockAction(done.GetProperty("action_id").GetString()!, done.GetProperty("value").GetString()!)))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);

        var again = (await _host.Api.WaitForCallsAsync("views.publish", 2, Timeout()))[1];
        Assert.Contains("is marked done", again.Body, StringComparison.Ordinal);
        Assert.Null((await _host.FindMapAsync("T0ACME", "Acme"))!.Stakeholders.Single().NextStep);

        var open = Buttons(again.Json.GetProperty("view")).First(b => b.GetProperty("action_id").GetString()!.StartsWith(SlackBotIds.HomeOpen, StringComparison.Ordinal));
        using (var clicked = await _host.InteractAsync(BlockAction(open.GetProperty("action_id").GetString()!, open.GetProperty("value").GetString()!)))
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);

        var dm = Assert.Single(await _host.Api.WaitForCallsAsync("chat.postMessage", 1, Timeout()));
        Assert.Equal("U0ANA", dm.Json.GetProperty("channel").GetString());
        Assert.Contains("Jane Doe", dm.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppHomeOpened_MessagesTab_PublishesNothing()
    {
        using (var request = _host.Signer.CreateJsonRequest("/slack/events", AppHomeOpened("Ev0HOME2", tab: "messages")))
        using (var response = await _host.Client.SendAsync(request))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var request = _host.Signer.CreateJsonRequest("/slack/events", AppHomeOpened("Ev0HOME3")))
        using (var response = await _host.Client.SendAsync(request))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Single(await _host.Api.WaitForCallsAsync("views.publish", 1, Timeout()));
        Assert.Single(_host.Api.CallsTo("views.publish"));
    }

    [Fact]
    public async Task SlashMapMine_AnswersTheSameHome()
    {
        var reply = await _host.CommandTextAsync("mine");

        Assert.Contains(HomeText.Title, reply, StringComparison.Ordinal);
        Assert.Contains("Jane Doe (Acme)", reply, StringComparison.Ordinal);
    }

    private static string AppHomeOpened(string eventId, string tab = "home")
    {
        var envelope = JsonNode.Parse(AppMention("x", eventId))!;
        envelope["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0ANA", ["channel"] = "D0HOME", ["tab"] = tab, ["event_ts"] = "1700000000.000300" };
        return envelope.ToJsonString();
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement view) => view.GetProperty("blocks").EnumerateArray()
        .Where(b => b.TryGetProperty("accessory", out _)).Select(b => b.GetProperty("accessory"));

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}
