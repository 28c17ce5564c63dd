using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Testing.Teams;

/// <summary>
/// Plays login.botframework.com on loopback: OpenID metadata at
/// <c>/v1/.well-known/openidconfiguration</c> pointing to a JWKS at <c>/v1/keys</c> holding the
/// published <see cref="TestSigningKey"/>s with their endorsements. Keys can be published or
/// withdrawn while running (rotation); requests are counted.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TestSigningKey> _keys = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _metadataRequests;
    private int _keyRequests;

    private OpenIdMetadataServer()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<OpenIdMetadataServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new OpenIdMetadataServer();
        (server._app, server.BaseAddress) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", server.Metadata);
            app.MapGet("/v1/keys", server.Keys);
        }, cancellationToken);
        return server;
    }

    public void Publish(TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys[key.Kid] = key;
    }

    public void Withdraw(string kid) => _keys.TryRemove(kid, out _);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private IResult Metadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        var document = new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(BaseAddress, "v1/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        return Results.Text(document.ToJsonString(), "application/json");
    }

    private IResult Keys()
    {
        Interlocked.Increment(ref _keyRequests);
        var keys = new JsonArray([.. _keys.Values.Select(k => (JsonNode)k.ToJwk())]);
        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }
}
