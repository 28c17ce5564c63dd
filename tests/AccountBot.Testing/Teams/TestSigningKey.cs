using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace AccountBot.Testing.Teams;

/// <summary>An RSA key the test channel signs with, published as a JWK with Bot Framework endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    public TestSigningKey(string kid, params IReadOnlyList<string> endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
        _rsa = RSA.Create(2048);
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The JWK's <c>use</c>: <c>sig</c> like the channel's keys; another value keeps it out of the signing keys.</summary>
    public string Use { get; init; } = "sig";

    /// <summary>The public half as the channel publishes it in its JWKS.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = Use,
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode?)JsonValue.Create(e))]),
        };
    }

    public void Dispose() => _rsa.Dispose();
}
