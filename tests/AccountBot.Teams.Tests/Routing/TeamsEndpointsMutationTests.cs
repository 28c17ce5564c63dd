using System.Net;
using System.Text;
using AccountBot.Teams.Routing;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AccountBot.Teams.Tests.Routing;

/// <summary>
/// The msteams-only check's log line, which no other test read (issue #18, round 3): an operator who sees 403s must
/// be told that the activity came from another channel, not left with an empty reason.
/// </summary>
public sealed class TeamsEndpointsMutationTests
{
    [Fact]
    public async Task Post_AnotherChannelThroughTheDevelopmentBypass_LogsThatTheChannelIsNotMsTeams()
    {
        var logs = new FakeLogCollector();
        await using var host = await TeamsTestHost.StartAsync(
            new Dictionary<string, string?> { ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true" },
            router => router.OnMessage((_, _) => Task.CompletedTask),
            configure: builder => builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var json = new ActivityBuilder().Message("map Acme").WithChannelId("webchat").BuildJson();

        using var response = await host.Client.PostAsync(
            new Uri(TeamsEndpoints.DefaultPattern, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var line = Assert.Single(logs.GetSnapshot(), r => r.Message.StartsWith("Refused a Teams request", StringComparison.Ordinal));
        Assert.Contains("channel is not msteams", line.Message, StringComparison.Ordinal);
    }
}
