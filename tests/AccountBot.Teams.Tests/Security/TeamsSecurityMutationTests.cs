using System.Net;
using System.Net.Sockets;
using AccountBot.Teams.Security;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AccountBot.Teams.Tests.Security;

/// <summary>
/// Rules of <see cref="TeamsOptionsValidation"/> and <see cref="BotFrameworkSigningKeys"/> no other test stated, found by
/// mutation testing (issue #18, round 8): each test kills at least one mutant that survived the rest of the suite.
/// </summary>
public sealed class TeamsSecurityMutationTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void GetEnvironmentError_BypassOnInProduction_NamesTheKeyAndTheEnvironment()
    {
        var error = TeamsOptionsValidation.GetEnvironmentError(
            new TeamsOptions { DangerouslyAllowUnauthenticatedRequests = true }, new HostingEnvironment { EnvironmentName = "Production" });

        Assert.Equal("Teams:DangerouslyAllowUnauthenticatedRequests is only allowed in the Development environment (this is Production).", error);
    }

    [Fact]
    public void GetEnvironmentError_NullArguments_ThrowNamingThem()
    {
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() =>
            TeamsOptionsValidation.GetEnvironmentError(null!, new HostingEnvironment { EnvironmentName = "Development" })).ParamName);
        Assert.Equal("environment", Assert.Throws<ArgumentNullException>(() =>
            TeamsOptionsValidation.GetEnvironmentError(new TeamsOptions(), null!)).ParamName);
    }

    [Fact]
    public async Task SigningKeys_MissingArguments_ThrowNamingThem()
    {
        Assert.Equal("metadataUrl", Assert.Throws<ArgumentException>(() => new BotFrameworkSigningKeys(" ", _http, _time)).ParamName);
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new BotFrameworkSigningKeys("https://login.example/v1/.well-known/openidconfiguration", null!, _time)).ParamName);
        var keys = new BotFrameworkSigningKeys("https://login.example/v1/.well-known/openidconfiguration", _http, _time);
        // Bounded: without the check the call would wait on the fake clock for a refresh that cannot happen.
        Assert.Equal("stale", (await Assert.ThrowsAsync<ArgumentNullException>(() =>
            keys.RefreshForUnknownKeyAsync(null!, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)))).ParamName);
    }

    [Fact]
    public async Task SigningKeys_PlainHttpToAnotherHost_RefusedBeforeAnyRequest()
    {
        var keys = new BotFrameworkSigningKeys("http://login.invalid/v1/.well-known/openidconfiguration", _http, _time);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => keys.GetConfigurationAsync(CancellationToken.None));

        // IdentityModel's "the address must be HTTPS", not a failed lookup of the host.
        Assert.Contains("IDX20108", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshForUnknownKey_RefreshNeverAnswers_GivesUpAfterTheGivenWait_AndAgainAtOnceWithinTheInterval()
    {
        // A metadata endpoint that accepts connections and never answers: the forced refresh never finishes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/v1/.well-known/openidconfiguration";
        var keys = new BotFrameworkSigningKeys(url, _http, _time, refreshWait: TimeSpan.FromSeconds(1));

        var refresh = keys.RefreshForUnknownKeyAsync(new OpenIdConnectConfiguration(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await refresh.WaitAsync(TimeSpan.FromSeconds(30)));
        // The timed-out wait is dropped: a second unknown key within the refresh interval is refused at once, not
        // left waiting on the first refresh.
        var again = keys.RefreshForUnknownKeyAsync(new OpenIdConnectConfiguration(), CancellationToken.None);
        Assert.True(again.IsCompleted);
        Assert.Null(await again);
    }
}
