using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AccountBot.Core.Logging;
using AccountBot.Teams.Routing;
using AccountBot.Teams.Tests.Security;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Routing;

/// <summary>What refused requests leave in the log: a line a second per reason with a count, and no long attacker text.</summary>
public sealed class RejectionLoggingTests(SigningKeysFixture keys) : IClassFixture<SigningKeysFixture>, IAsyncLifetime
{
    private const string AppId = "7f3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();
    private OpenIdMetadataServer _metadata = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.Publish(keys.TeamsKey);
    }

    public async Task DisposeAsync() => await _metadata.DisposeAsync();

    [Fact]
    public async Task Post_HundredUnauthenticatedInOneSecond_LogsOneLineThenTheCount()
    {
        await using var host = await StartAsync();

        for (var i = 0; i < 100; i++)
        {
            using var response = await PostAsync(host, authorization: null);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var first = Assert.Single(Refusals());
        Assert.Contains("missing authorization header (1 since the last such line)", first.Message, StringComparison.Ordinal);

        _time.Advance(RejectionLog.Interval);
        using (var next = await PostAsync(host, authorization: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        }

        Assert.Equal(2, Refusals().Count);
        Assert.Contains("(100 since the last such line)", Refusals()[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TokenWithTenKilobyteKeyId_LogsTheKeyIdTruncated()
    {
        await using var host = await StartAsync();
        var kid = "kid-" + new string('k', 10_000);
        using var unknownKey = new TestSigningKey(kid, "msteams");
        var token = new BotTokenIssuer().Issue(new TestToken { Audience = AppId, ServiceUrl = ServiceUrl, Now = _time.GetUtcNow() }, unknownKey);

        using var response = await PostAsync(host, "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(_logs.GetSnapshot(), r => r.Message.Contains("kid-kkk", StringComparison.Ordinal));
        Assert.Contains(kid[..LogText.MaxLength] + "…", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(kid[..(LogText.MaxLength + 1)], line.Message, StringComparison.Ordinal);
        Assert.All(_logs.GetSnapshot(), r => Assert.True(r.Message.Length < 400, r.Message));
    }

    private List<FakeLogRecord> Refusals() =>
        [.. _logs.GetSnapshot().Where(r => r.Message.StartsWith("Refused a Teams request", StringComparison.Ordinal))];

    private Task<TeamsTestHost> StartAsync() =>
        TeamsTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Teams:OpenIdMetadataUrl"] = _metadata.MetadataUrl,
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-used",
            },
            router => router.OnMessage((_, _) => Task.CompletedTask),
            configure: builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(_time);
                builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(_logs));
            });

    private static async Task<HttpResponseMessage> PostAsync(TeamsTestHost host, string? authorization)
    {
        var json = new ActivityBuilder().Message("map Acme").WithServiceUrl(ServiceUrl).BuildJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.DefaultPattern)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await host.Client.SendAsync(request);
    }
}
