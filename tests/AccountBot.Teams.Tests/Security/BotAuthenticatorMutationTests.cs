using System.Security.Claims;
using AccountBot.Core.Logging;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Security;
using AccountBot.Testing.Teams;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AccountBot.Teams.Tests.Security;

/// <summary>
/// Rules of <see cref="BotAuthenticator"/> that no other test stated, found by mutation testing (issue #18, round 2):
/// each test kills at least one mutant that survived the rest of the suite.
/// </summary>
public sealed partial class BotAuthenticatorTests
{
    [Fact]
    public void Constructor_NullOptions_ThrowsNamingThem()
    {
        var teams = Options.Create(new TeamsOptions { OpenIdMetadataUrl = _metadata.MetadataUrl });
        var credentials = Options.Create(new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" });
        var signingKeys = new BotFrameworkSigningKeys(_metadata.MetadataUrl, _http, _time);

        Assert.Equal("credentials", Assert.Throws<ArgumentNullException>(() =>
            new BotAuthenticator(signingKeys, null!, teams, _time, new RejectionLog(_time), NullLogger<BotAuthenticator>.Instance)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() =>
            new BotAuthenticator(signingKeys, credentials, null!, _time, new RejectionLog(_time), NullLogger<BotAuthenticator>.Instance)).ParamName);
    }

    [Fact]
    public async Task AuthenticateAsync_NullActivity_ThrowsEvenInDevelopmentBypass()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() =>
            Create(appId: null, bypass: true).AuthenticateAsync(null, null!, CancellationToken.None));

        Assert.Equal("activity", error.ParamName);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task AuthenticateAsync_BlankChannelId_RejectedBeforeTheToken(string channelId)
    {
        await AssertRejectedAsync(Bearer(Token()), "activity has no channelId", Message() with { ChannelId = channelId });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task AuthenticateAsync_NoServiceUrl_RejectedBeforeTheToken(string? serviceUrl)
    {
        await AssertRejectedAsync(Bearer(Token()), "activity has no serviceUrl", Message() with { ServiceUrl = serviceUrl });
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\r\n")]
    public async Task AuthenticateAsync_HeaderOfWhitespaceOnly_MissingNotMalformed(string header)
    {
        await AssertRejectedAsync(header, "missing authorization header");
    }

    [Theory]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("\tBearer {0}\t")]
    public async Task AuthenticateAsync_SchemeInAnyCaseAndSurroundingWhitespace_Authenticates(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _issuer.Issue(Token(), _teamsKey));

        var result = await Create().AuthenticateAsync(header, Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeExactlyAtTheSkew_Authenticates()
    {
        var result = await Create().AuthenticateAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(5) }), Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotBeforeOneSecondPastTheSkew_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1) }), "token not yet valid");
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredExactlyAtTheSkew_Authenticates()
    {
        // Issued 65 minutes ago for an hour: it expired 5 minutes ago, the skew.
        var result = await Create().AuthenticateAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(-65) }), Message(), CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredOneSecondPastTheSkew_Rejects()
    {
        await AssertRejectedAsync(Bearer(Token() with { NotBeforeOffset = TimeSpan.FromMinutes(-65) - TimeSpan.FromSeconds(1) }), "token expired");
    }

    [Fact]
    public async Task AuthenticateAsync_TokenWithoutExpiry_Rejects()
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestToken.BotFrameworkIssuer,
            Audience = AppId,
            IssuedAt = _time.GetUtcNow().UtcDateTime,
            NotBefore = _time.GetUtcNow().UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", ServiceUrl)]),
            SigningCredentials = new SigningCredentials(_teamsKey.SecurityKey, SecurityAlgorithms.RsaSha256),
        });

        await AssertRejectedAsync(Bearer(token), "token has no expiry");
    }

    [Fact]
    public async Task AuthenticateAsync_OtherPublishedKeySignsUnderTheTeamsKid_Rejects()
    {
        // Both keys are published and endorsed: the token must still verify under the key its kid names.
        _metadata.Publish(_otherKey);
        var underTeamsKid = new RsaSecurityKey(_otherKey.SecurityKey.Rsa) { KeyId = _teamsKey.Kid };
        var forged = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestToken.BotFrameworkIssuer,
            Audience = AppId,
            NotBefore = _time.GetUtcNow().UtcDateTime,
            Expires = _time.GetUtcNow().AddHours(1).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", ServiceUrl)]),
            SigningCredentials = new SigningCredentials(underTeamsKid, SecurityAlgorithms.RsaSha256),
        });

        var result = await Create().AuthenticateAsync(Bearer(forged), Message(), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.Equal("bad signature", result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_Rs256HeaderWithoutSignature_Rejects()
    {
        // alg RS256 and a published kid pass the early checks; only RequireSignedTokens refuses the empty signature.
        var signed = _issuer.Issue(Token(), _teamsKey);
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"RS256","typ":"JWT","kid":"{{_teamsKey.Kid}}"}"""));

        var result = await Create().AuthenticateAsync("Bearer " + header + "." + signed.Split('.')[1] + ".", Message(), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.False(result.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_DevelopmentBypass_LoggedAsAWarningEachTime()
    {
        var logger = new FakeLogger<BotAuthenticator>();
        var authenticator = Create(appId: null, bypass: true, logger: logger);

        await authenticator.AuthenticateAsync(null, Message(), CancellationToken.None);
        await authenticator.AuthenticateAsync(null, Message(), CancellationToken.None);

        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Id.Id == 1103 && r.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task AuthenticateAsync_AuthenticatedOrRejected_NoBypassWarning()
    {
        var logger = new FakeLogger<BotAuthenticator>();

        Assert.True((await Create(logger: logger).AuthenticateAsync(Bearer(Token()), Message(), CancellationToken.None)).IsAuthenticated);
        Assert.False((await Create(logger: logger).AuthenticateAsync(null, Message(), CancellationToken.None)).IsAllowed);
        Assert.False((await Create(appId: null, logger: logger).AuthenticateAsync(null, Message(), CancellationToken.None)).IsAllowed);

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == 1103);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKid_LogsTheRefreshOnce()
    {
        var logger = new FakeLogger<BotAuthenticator>();

        var result = await Create(logger: logger).AuthenticateAsync(Bearer(_issuer.Issue(Token(), _otherKey)), Message(), CancellationToken.None);

        Assert.Equal("unknown signing key", result.RejectionReason);
        var line = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1101);
        Assert.Contains(_otherKey.Kid, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenLongerThanTheHandlerReads_RejectedAsMalformed()
    {
        // JsonWebTokenHandler refuses more than 250 kB with a plain ArgumentException, not a malformed-token one.
        await AssertRejectedAsync("Bearer " + new string('a', TokenValidationParameters.DefaultMaximumTokenSizeInBytes + 1), "malformed token");
    }

    [Fact]
    public async Task AuthenticateAsync_KidOfAKeyPublishedForEncryption_NotTriedWithTheOtherKeys()
    {
        // The JWKS lists the kid, so the early check passes; the key is no signing key, so the handler has no key for
        // that kid and must not fall back to trying every published key (one of which made the signature).
        using var encryption = new TestSigningKey("encryption-key", "msteams") { Use = "enc" };
        _metadata.Publish(encryption);
        var underEncryptionKid = new RsaSecurityKey(_teamsKey.SecurityKey.Rsa) { KeyId = encryption.Kid };
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestToken.BotFrameworkIssuer,
            Audience = AppId,
            NotBefore = _time.GetUtcNow().UtcDateTime,
            Expires = _time.GetUtcNow().AddHours(1).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", ServiceUrl)]),
            SigningCredentials = new SigningCredentials(underEncryptionKid, SecurityAlgorithms.RsaSha256),
        });

        var result = await Create().AuthenticateAsync(Bearer(token), Message(), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.False(result.IsAuthenticated);
        Assert.Equal("unknown signing key", result.RejectionReason);
    }

    [Fact]
    public async Task AuthenticateAsync_EncryptedTokenNamingASigningAlgorithm_RejectedAsInvalid()
    {
        // A JWE (five parts) whose header says RS256 and a published kid passes the early checks; the channel never
        // sends one and we hold no key to decrypt it, so it is refused with the reason for any other failure.
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"RS256","enc":"A256GCM","kid":"{{_teamsKey.Kid}}"}"""));
        var part = Base64UrlEncoder.Encode("not a ciphertext"u8.ToArray());

        await AssertRejectedAsync(Bearer(string.Join('.', header, part, part, part, part)), "invalid token");
    }
}
