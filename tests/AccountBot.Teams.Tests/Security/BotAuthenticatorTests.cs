using AccountBot.Core.Logging;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Security;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace AccountBot.Teams.Tests.Security;

public sealed partial class BotAuthenticatorTests(SigningKeysFixture keys) : IClassFixture<SigningKeysFixture>, IAsyncLifetime, IDisposable
{
    private const string AppId = "7f3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly BotTokenIssuer _issuer = new();
    private readonly TestSigningKey _teamsKey = keys.TeamsKey;
    private readonly TestSigningKey _otherKey = keys.RotatedKey;
    private readonly HttpClient _http = new();
    private OpenIdMetadataServer _metadata = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.Publish(_teamsKey);
    }

    public async Task DisposeAsync() => await _metadata.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_Authenticates()
    {
        var result = await Create().AuthenticateAsync(Bearer(Token()), Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
        Assert.True(result.IsAllowed);
        Assert.Equal(ServiceUrl, result.Identity?.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_OtherAllowedRsaAlgorithm_Authenticates(string algorithm)
    {
        var result = await Create().AuthenticateAsync(Bearer(Token() with { Algorithm = algorithm }), Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token() with { Issuer = "https://sts.windows.net/evil/" }), "wrong issuer");
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token() with { Audience = "00000000-1111-2222-3333-444444444444" }), "wrong audience");
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(-70) }), "token expired");
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinFiveMinuteSkew_Authenticates()
    {
        var result = await Create().AuthenticateAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(-64) }), Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondSkew_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(10) }), "token not yet valid");
    }

    [Fact]
    public async Task AuthenticateAsync_SignedByAnotherKeyUnderTheTeamsKid_Rejects()
    {
        using var impostor = new TestSigningKey(_teamsKey.Kid, "msteams");
        var forged = _issuer.Issue(Token(), impostor);

        await AssertRejectedAsync(Bearer(forged), "bad signature");
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidPublishedAfterFirstFetch_RefreshesOnceAndAuthenticates()
    {
        var authenticator = Create();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), Message(), CancellationToken.None)).IsAuthenticated);
        Assert.Equal(1, _metadata.KeyRequests);

        _metadata.Publish(_otherKey);
        var result = await authenticator.AuthenticateAsync(Bearer(_issuer.Issue(Token(), _otherKey)), Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
        Assert.Equal(2, _metadata.KeyRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidNotPublished_RefreshesOnceAndRejects()
    {
        var authenticator = Create();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), Message(), CancellationToken.None)).IsAuthenticated);

        var result = await authenticator.AuthenticateAsync(Bearer(_issuer.Issue(Token(), _otherKey)), Message(), CancellationToken.None);
        var again = await authenticator.AuthenticateAsync(Bearer(_issuer.Issue(Token(), _otherKey)), Message(), CancellationToken.None);

        Assert.Equal("unknown signing key", result.RejectionReason);
        Assert.Equal("unknown signing key", again.RejectionReason);
        // The second unknown kid within the refresh interval does not fetch again.
        Assert.Equal(2, _metadata.KeyRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyNotEndorsedForMsTeams_Rejects()
    {
        using var webchatOnly = new TestSigningKey("webchat-key", "webchat");
        _metadata.Publish(webchatOnly);

        await AssertRejectedAsync(Bearer(_issuer.Issue(Token(), webchatOnly)), "signing key is not endorsed for the activity's channel");
    }

    [Fact]
    public async Task AuthenticateAsync_EmptyChannelId_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token()), "activity has no channelId", Message() with { ChannelId = "" });
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimDiffersFromActivity_Rejects()
    {
        await AssertRejectedAsync(
            Bearer(Token()),
            "serviceurl claim does not match the activity's serviceUrl",
            Message() with { ServiceUrl = "https://evil.example.com/emea/" });
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Authenticates()
    {
        var result = await Create().AuthenticateAsync(Bearer(Token()), Message() with { ServiceUrl = ServiceUrl.ToUpperInvariant() }, CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
    }

    [Theory]
    [InlineData(null, "missing authorization header")]
    [InlineData("", "missing authorization header")]
    [InlineData("Bearer", "malformed authorization header")]
    [InlineData("Bearer ", "missing authorization header")]
    [InlineData("Basic dXNlcjpwYXNz", "malformed authorization header")]
    [InlineData("garbage", "malformed authorization header")]
    [InlineData("Bearer a b", "malformed authorization header")]
    [InlineData("Bearer not-a-jwt", "malformed token")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "token has no key id")]
    public async Task AuthenticateAsync_MissingOrMalformedHeader_Rejects(string? header, string reason)
    {
        if (header == "Bearer ")
            reason = "malformed authorization header";
        await AssertRejectedAsync(header, reason);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_Rejects()
    {
        await AssertRejectedAsync(Bearer(_issuer.IssueUnsigned(Token(), _teamsKey.Kid)), "algorithm not allowed");
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256UnderTheTeamsKid_Rejects()
    {
        var secret = new byte[32];
        await AssertRejectedAsync(Bearer(_issuer.IssueHmac(Token(), _teamsKey.Kid, secret)), "algorithm not allowed");
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdConfigured_RejectsAsNotConfigured()
    {
        var result = await Create(appId: null).AuthenticateAsync(null, Message(), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.Equal("authentication not configured", result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdWithDevelopmentBypass_AllowsWithoutAuthenticating()
    {
        var result = await Create(appId: null, bypass: true).AuthenticateAsync(null, Message(), CancellationToken.None);

        Assert.True(result.IsAllowed);
        Assert.False(result.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdConfiguredAndBypassOn_StillRequiresAToken()
    {
        var result = await Create(bypass: true).AuthenticateAsync(null, Message(), CancellationToken.None);

        Assert.False(result.IsAllowed);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_Rejects()
    {
        var url = _metadata.MetadataUrl;
        await _metadata.DisposeAsync();

        var result = await Create(metadataUrl: url).AuthenticateAsync(Bearer(Token()), Message(), CancellationToken.None);

        Assert.Equal("signing keys unavailable", result.RejectionReason);
    }

    private async Task AssertRejectedAsync(string? header, string reason, Activity? activity = null)
    {
        var result = await Create().AuthenticateAsync(header, activity ?? Message(), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.False(result.IsAuthenticated);
        Assert.Equal(reason, result.RejectionReason);
    }

    private BotAuthenticator Create(string? appId = AppId, bool bypass = false, string? metadataUrl = null, ILogger<BotAuthenticator>? logger = null)
    {
        var teams = new TeamsOptions { OpenIdMetadataUrl = metadataUrl ?? _metadata.MetadataUrl, DangerouslyAllowUnauthenticatedRequests = bypass };
        var credentials = new BotCredentialsOptions { MicrosoftAppId = appId, MicrosoftAppPassword = appId is null ? null : "secret" };
        return new BotAuthenticator(
            new BotFrameworkSigningKeys(teams.OpenIdMetadataUrl, _http, _time),
            Options.Create(credentials),
            Options.Create(teams),
            _time,
            new RejectionLog(_time),
            logger ?? NullLogger<BotAuthenticator>.Instance);
    }

    private TestToken Token() => new() { Audience = AppId, ServiceUrl = ServiceUrl, Now = _time.GetUtcNow() };

    private string Bearer(TestToken token) => "Bearer " + _issuer.Issue(token, _teamsKey);

    private static string Bearer(string jwt) => "Bearer " + jwt;

    private static Activity Message() => new ActivityBuilder().Message("map Acme").WithServiceUrl(ServiceUrl).Build();
}
