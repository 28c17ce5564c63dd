using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using AccountBot.Core.Logging;
using AccountBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AccountBot.Teams.Security;

/// <summary>
/// Authenticates a request from the Bot Connector the way the channel requires: a Bearer JWT
/// from <c>https://api.botframework.com</c> for our app id, signed (RS256/384/512) by a key from
/// the channel's published set that is endorsed for the activity's channel, whose
/// <c>serviceurl</c> claim matches the activity. Nothing else gets through, except the loudly
/// named development bypass when no app id is configured.
/// </summary>
public sealed class BotAuthenticator
{
    private readonly BotFrameworkSigningKeys _keys;
    private readonly BotCredentialsOptions _credentials;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RejectionLog _rejections;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public BotAuthenticator(
        BotFrameworkSigningKeys keys,
        IOptions<BotCredentialsOptions> credentials,
        IOptions<TeamsOptions> options,
        TimeProvider timeProvider,
        RejectionLog rejections,
        ILogger<BotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _credentials = credentials.Value;
        _options = options.Value;
        _timeProvider = timeProvider;
        _rejections = rejections;
        _logger = logger;
    }

    /// <param name="authorizationHeader">The raw <c>Authorization</c> header value, if any.</param>
    /// <param name="activity">The parsed activity the header came with.</param>
    /// <param name="cancellationToken">Request abort.</param>
    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // A rejection is logged once, by the endpoint that refuses the request.
        var result = await CheckAsync(authorizationHeader, activity, cancellationToken);
        if (result.IsAllowed && !result.IsAuthenticated)
            Log.DevelopmentBypass(_logger);
        return result;
    }

    private async Task<BotAuthenticationResult> CheckAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (!_credentials.IsConfigured)
        {
            return _options.DangerouslyAllowUnauthenticatedRequests
                ? BotAuthenticationResult.DevelopmentBypass()
                : BotAuthenticationResult.Rejected("authentication not configured");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return BotAuthenticationResult.Rejected("missing authorization header");
        if (BearerToken(authorizationHeader) is not { } token)
            return BotAuthenticationResult.Rejected("malformed authorization header");
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
            return BotAuthenticationResult.Rejected("activity has no channelId");
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
            return BotAuthenticationResult.Rejected("activity has no serviceUrl");

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return BotAuthenticationResult.Rejected("malformed token");
        }

        if (!BotFrameworkAuthentication.AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
            return BotAuthenticationResult.Rejected("algorithm not allowed");
        if (string.IsNullOrEmpty(jwt.Kid))
            return BotAuthenticationResult.Rejected("token has no key id");

        OpenIdConnectConfiguration? configuration;
        try
        {
            configuration = await _keys.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            Log.MetadataUnavailable(_logger, ex);
            return BotAuthenticationResult.Rejected("signing keys unavailable");
        }

        if (FindKey(configuration, jwt.Kid) is null)
        {
            // Keys rotate: an unknown kid may be new. Refresh once (rate-limited) and retry.
            if (_rejections.ShouldLog("teams unknown signing key", out var count))
                Log.UnknownSigningKey(_logger, LogText.Untrusted(jwt.Kid), count);
            configuration = await _keys.RefreshForUnknownKeyAsync(configuration, cancellationToken);
            if (configuration is null || FindKey(configuration, jwt.Kid) is null)
                return BotAuthenticationResult.Rejected("unknown signing key");
        }

        var validation = await _handler.ValidateTokenAsync(jwt, CreateParameters(configuration));
        if (!validation.IsValid)
            return BotAuthenticationResult.Rejected(Describe(validation.Exception));

        var signingKey = FindKey(configuration, jwt.Kid);
        if (signingKey is null || !GetEndorsements(signingKey).Contains(activity.ChannelId, StringComparer.Ordinal))
            return BotAuthenticationResult.Rejected("signing key is not endorsed for the activity's channel");

        var identity = validation.ClaimsIdentity;
        var serviceUrl = identity.FindFirst(BotFrameworkAuthentication.ServiceUrlClaim)?.Value;
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return BotAuthenticationResult.Rejected("serviceurl claim does not match the activity's serviceUrl");

        return BotAuthenticationResult.Authenticated(identity);
    }

    /// <summary>The token of a <c>Bearer &lt;token&gt;</c> header (scheme in any case), or null.</summary>
    private static string? BearerToken(string header)
    {
        var parts = header.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    private TokenValidationParameters CreateParameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = BotFrameworkAuthentication.Issuer,
        ValidateAudience = true,
        ValidAudience = _credentials.MicrosoftAppId,
        ClockSkew = BotFrameworkAuthentication.ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = BotFrameworkAuthentication.AllowedAlgorithms,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        // Replaces IdentityModel's lifetime check (and its ValidateLifetime/RequireExpirationTime flags) with ours.
        LifetimeValidator = ValidateLifetime,
    };

    /// <summary>
    /// The standard lifetime rule (5 min skew both ways), on our clock so tests can fix the time. It throws rather
    /// than returning false so the reason names the rule; only the exception's type is read (<see cref="Describe"/>).
    /// </summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
            throw new SecurityTokenNoExpirationException();
        if (notBefore is { } nbf && nbf > now + parameters.ClockSkew)
            throw new SecurityTokenNotYetValidException();
        if (expires.Value < now - parameters.ClockSkew)
            throw new SecurityTokenExpiredException();
        return true;
    }

    /// <summary>
    /// A short reason for logs, from the failure's type (messages can carry token parts). Only the failures an input
    /// can cause are named: the algorithm and the token's shape are checked before validation, and our lifetime
    /// validator throws the specific exceptions above.
    /// </summary>
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "bad signature",
        _ => "invalid token",
    };

    /// <summary>The channel ids the key may sign for; the JWKS member's runtime shape varies by parser.</summary>
    private static IReadOnlyList<string> GetEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue(BotFrameworkAuthentication.EndorsementsKey, out var value))
            return [];

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            string single => [single],
            IEnumerable items => [.. items.Cast<object?>().Select(item => item is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : item?.ToString()).OfType<string>()],
            _ => [],
        };
    }
}
