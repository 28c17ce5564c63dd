using System.Net;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Endpoints;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Routing;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Slack.Tests.Endpoints;

public sealed class SlackHostingTests
{
    [Fact]
    public void SlackApp_RegisterSameIdTwice_Throws()
    {
        var app = new SlackListenerRegistry().Command("/map", (_, _, _) => Task.FromResult<SlackMessage?>(null));

        Assert.Throws<InvalidOperationException>(() => app.Command("/MAP", (_, _, _) => Task.FromResult<SlackMessage?>(null)));
        app.Action("a", (_, _, _, _) => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(() => app.Action("a", (_, _, _, _) => Task.CompletedTask));
        app.ActionPrefix("p:", (_, _, _, _) => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(() => app.ActionPrefix("p:", (_, _, _, _) => Task.CompletedTask));
        app.ViewSubmission("v", (_, _, _) => Task.FromResult<ViewSubmissionResponse?>(null));
        Assert.Throws<InvalidOperationException>(() => app.ViewSubmission("v", (_, _, _) => Task.FromResult<ViewSubmissionResponse?>(null)));
        app.Event("app_mention", (_, _, _) => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(() => app.Event("app_mention", (_, _, _) => Task.CompletedTask));
        Assert.Throws<ArgumentException>(() => app.Command("map", (_, _, _) => Task.FromResult<SlackMessage?>(null)));
    }

    [Fact]
    public void SlackApp_ExactActionBeatsPrefix_LongestPrefixWins()
    {
        var hits = new List<string>();
        var app = new SlackListenerRegistry()
            .ActionPrefix("map:", (_, _, _, _) => { hits.Add("map:"); return Task.CompletedTask; })
            .ActionPrefix("map:stakeholder:", (_, _, _, _) => { hits.Add("map:stakeholder:"); return Task.CompletedTask; })
            .Action("map:stakeholder:add", (_, _, _, _) => { hits.Add("exact"); return Task.CompletedTask; });

        app.FindAction("map:stakeholder:add")!(null!, null!, null!, default);
        app.FindAction("map:stakeholder:edit")!(null!, null!, null!, default);
        app.FindAction("map:delete")!(null!, null!, null!, default);

        Assert.Equal(["exact", "map:stakeholder:", "map:"], hits);
        Assert.Null(app.FindAction("other"));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, TestLifetime>();
        services.AddSlackAdapter(config);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("Slack:ClientId", "123", "Slack:ClientSecret is required when Slack:ClientId is set.")]
    [InlineData("Slack:ClientSecret", "s", "Slack:ClientId is required when Slack:ClientSecret is set.")]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack:BotToken must be a bot token")]
    [InlineData("Slack:ApiBaseUrl", "https://slack.example/api", "Slack:ApiBaseUrl must be an absolute URL ending in '/'.")]
    [InlineData("Slack:AllowedTeams:0", "acme-corp", "Slack:AllowedTeams:0 'acme-corp' is not a Slack team id (T…) or enterprise id (E…).")]
    public void Options_Invalid_ValidationMessageNamesTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { ["Slack:SigningSecret"] = "s", [key] = value });

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlackAdapter_OnlyBotToken_UsesSingleWorkspaceStore()
    {
        using var provider = Build(new() { ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "xoxb-1" });

        Assert.IsType<SingleWorkspaceInstallationStore>(provider.GetRequiredService<ISlackInstallationStore>());
        Assert.Equal(new Uri("https://slack.com/api/"), provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
    }

    [Fact]
    public async Task SlackApiClient_ApiSetsACookie_TheNextCallDoesNotCarryIt()
    {
        await using var fake = await FakeSlackApi.StartAsync();
        fake.Script("chat.postMessage", FakeSlackReply.Ok().WithCookie("b=workspace-one; Path=/"), FakeSlackReply.Ok());
        using var provider = Build(new() { ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "xoxb-1", ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl.AbsoluteUri });
        var client = provider.GetRequiredService<SlackApiClient>();
        var workspace = new SlackTeamKey(null, "T1");

        await client.PostMessageAsync(workspace, "C1", new SlackMessage("one"), CancellationToken.None);
        await client.PostMessageAsync(workspace, "C2", new SlackMessage("two"), CancellationToken.None);

        var calls = fake.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.False(call.Headers.ContainsKey("Cookie")));
    }

    [Fact]
    public async Task MapSlackEndpoints_NoSigningSecret_ReturnsFalseAndMapsNothing()
    {
        await using var host = await SlackTestHost.StartAsync(_ => { }, new Dictionary<string, string?> { ["Slack:SigningSecret"] = null, ["Slack:ClientId"] = null, ["Slack:ClientSecret"] = null });
        using var request = host.Signer.CreateFormRequest(SlackRequestHandler.Commands, [new("command", "/map")]);

        using var response = await host.Client.SendAsync(request);

        Assert.False(host.Mapped);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class TestLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
