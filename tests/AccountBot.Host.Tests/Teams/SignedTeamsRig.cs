using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AccountBot.Adapters.FollowUps;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using AccountBot.Host.Tests.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Teams;

/// <summary>
/// The real host with real token validation, a fake Bot Connector and a published signing key: what a test needs to
/// send the host activities exactly as the Bot Connector would, signed, and see what it answered and sent.
/// </summary>
internal sealed class SignedTeamsRig : IAsyncDisposable
{
    public const string AppId = "5a4c3b2a-1111-4222-8333-944455566677";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestHost _hosts;
    private readonly TestSigningKey _key;
    private OpenIdMetadataServer _metadata = null!;
    private string _token = null!;

    private SignedTeamsRig(string name, TestSigningKey key)
    {
        _hosts = new TestHost(name);
        _key = key;
    }

    public FakeConnector Connector { get; private set; } = null!;

    public TestHost Hosts => _hosts;

    /// <param name="name">The test host's folder name.</param>
    /// <param name="keyId">The signing key's id.</param>
    /// <param name="endorsements">The channels the key is endorsed for (Microsoft's: msteams, webchat, directline…).</param>
    public static async Task<SignedTeamsRig> StartAsync(string name, string keyId, params string[] endorsements)
    {
        var rig = new SignedTeamsRig(name, new TestSigningKey(keyId, endorsements));
        rig.Connector = await FakeConnector.StartAsync();
        rig._metadata = await OpenIdMetadataServer.StartAsync();
        rig._metadata.Publish(rig._key);
        rig._token = new BotTokenIssuer().Issue(new TestToken { Audience = AppId, ServiceUrl = rig.Connector.ServiceUrl, Now = DateTimeOffset.UtcNow }, rig._key);
        return rig;
    }

    /// <summary>A started host that validates tokens against the published key and sends to the fake connector.</summary>
    public WebApplicationFactory<Program> Start(params (string Key, string? Value)[] settings) => Start(null, settings);

    /// <param name="configureServices">Changes services after the defaults (e.g. a fake clock).</param>
    public WebApplicationFactory<Program> Start(Action<IServiceCollection>? configureServices, params (string Key, string? Value)[] settings)
    {
        var host = _hosts.Create(
            web => web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("outbound-token"));
                configureServices?.Invoke(services);
            }),
            [
                ("MicrosoftAppId", AppId),
                ("MicrosoftAppPassword", "not-used-the-token-provider-is-fake"),
                ("Teams:OpenIdMetadataUrl", _metadata.MetadataUrl),
                ("Teams:ConnectorRetry:MaxRetries", "0"),
                ("Reminders:Enabled", "false"),
                .. settings,
            ]);
        host.StartServer();
        return host;
    }

    /// <summary>Posts with a valid token, waits until the replies it caused have been sent (or given up) and returns the status.</summary>
    public async Task<HttpStatusCode> PostAsync(WebApplicationFactory<Program> host, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var patience = new CancellationTokenSource(Patience);
        var status = await PostWithoutWaitingAsync(host, activity, patience.Token);
        await host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);
        return status;
    }

    /// <summary>Posts with a valid token and returns the status as soon as the host acked (its replies may still be on their way).</summary>
    public async Task<HttpStatusCode> PostWithoutWaitingAsync(WebApplicationFactory<Program> host, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);

        using var response = await client.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await _metadata.DisposeAsync();
        _key.Dispose();
        _hosts.Dispose();
    }
}
