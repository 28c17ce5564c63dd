using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AccountBot.Testing.Teams;

/// <summary>
/// Issues tokens shaped like the Bot Connector's (issuer <c>https://api.botframework.com</c>,
/// <c>aud</c> = app id, <c>serviceurl</c> claim) with locally generated keys, plus the broken
/// variants the authentication tests need (alg none, HS256).
/// </summary>
public sealed class BotTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(TestToken token, TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(key);
        var credentials = new SigningCredentials(key.SecurityKey, token.Algorithm);
        var descriptor = Describe(token);
        descriptor.SigningCredentials = credentials;
        return _handler.CreateToken(descriptor);
    }

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public string IssueUnsigned(TestToken token, string kid)
    {
        ArgumentNullException.ThrowIfNull(token);
        var unsigned = _handler.CreateToken(Describe(token));
        var payload = unsigned.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}"""));
        return header + "." + payload + ".";
    }

    /// <summary>A token signed with HMAC-SHA256 under <paramref name="kid"/> (the classic key-confusion attack).</summary>
    public string IssueHmac(TestToken token, string kid, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(token);
        var descriptor = Describe(token);
        descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = kid }, SecurityAlgorithms.HmacSha256);
        return _handler.CreateToken(descriptor);
    }

    private static SecurityTokenDescriptor Describe(TestToken token) => new()
    {
        Issuer = token.Issuer,
        Audience = token.Audience,
        IssuedAt = token.Now.UtcDateTime,
        NotBefore = (token.Now + token.NotBeforeOffset).UtcDateTime,
        Expires = (token.Now + token.NotBeforeOffset + token.Lifetime).UtcDateTime,
        Subject = new ClaimsIdentity([new Claim("serviceurl", token.ServiceUrl), new Claim("appid", "d6d49420-f39b-4df7-a1dc-d59a935871db")]),
    };
}
