using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.Configuration;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AccountBot.Teams.Security;

/// <summary>
/// The channel's OpenID metadata and signing keys: one <see cref="ConfigurationManager{T}"/> per
/// process (register this class as a singleton). It refreshes on its own (12 h) and, when a token
/// names a key id we do not know (the channel rotated keys), once on demand.
/// </summary>
/// <remarks>
/// IdentityModel 8 runs <c>RequestRefresh()</c> in the background and keeps returning the old keys
/// until it finishes, so a plain "refresh, then retry" would retry against the stale set. We
/// listen for the manager's update event and wait (bounded) for it. The manager raises that event on a pool thread
/// after every update, the first fetch's too, so the event of an earlier fetch can arrive after a forced refresh was
/// asked for: only a configuration other than the one that lacked the key ends the wait. A forced refresh happens at
/// most once per <see cref="BaseConfigurationManager.RefreshInterval"/> (5 min), like the manager's
/// own throttle, so random key ids cannot make us hammer the metadata endpoint or hold requests.
/// </remarks>
public sealed class BotFrameworkSigningKeys : IConfigurationEventHandler<OpenIdConnectConfiguration>
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshWait;
    private readonly Lock _gate = new();
    private TaskCompletionSource<OpenIdConnectConfiguration>? _pendingRefresh;
    private OpenIdConnectConfiguration? _stale;
    private DateTimeOffset? _lastForcedRefresh;

    /// <param name="metadataUrl">OpenID metadata; plain http is accepted only on loopback (tests).</param>
    /// <param name="httpClient">Used for the metadata and JWKS requests for the life of the process (IdentityModel's retriever refuses null).</param>
    /// <param name="timeProvider">Clock for the forced-refresh throttle.</param>
    /// <param name="refreshWait">How long a request with an unknown key id waits for the refresh (default 5 s).</param>
    public BotFrameworkSigningKeys(string metadataUrl, HttpClient httpClient, TimeProvider timeProvider, TimeSpan? refreshWait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metadataUrl);
        _timeProvider = timeProvider;
        _refreshWait = refreshWait ?? TimeSpan.FromSeconds(5);
        var url = new Uri(metadataUrl, UriKind.Absolute);
        var retriever = new HttpDocumentRetriever(httpClient)
        {
            RequireHttps = !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback),
        };
        Manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            ConfigurationEventHandler = this,
        };
    }

    public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; }

    /// <summary>The cached metadata (fetched on first use).</summary>
    /// <exception cref="InvalidOperationException">The metadata could not be fetched and nothing is cached.</exception>
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken) =>
        Manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// Refreshes the keys because a token named an unknown key id, and returns the refreshed
    /// metadata; null when a forced refresh already ran within the refresh interval or did not
    /// finish in time.
    /// </summary>
    /// <param name="stale">The metadata in which the key id was not found.</param>
    public async Task<OpenIdConnectConfiguration?> RefreshForUnknownKeyAsync(OpenIdConnectConfiguration stale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        Task<OpenIdConnectConfiguration> pending;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (_pendingRefresh is null)
            {
                if (_lastForcedRefresh is { } last && now - last < Manager.RefreshInterval)
                    return null;
                _lastForcedRefresh = now;
                _stale = stale;
                _pendingRefresh = new TaskCompletionSource<OpenIdConnectConfiguration>(TaskCreationOptions.RunContinuationsAsynchronously);
                Manager.RequestRefresh();
            }

            pending = _pendingRefresh.Task;
        }

        try
        {
            return await pending.WaitAsync(_refreshWait, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_pendingRefresh?.Task, pending))
                    _pendingRefresh = null;
            }

            return null;
        }
    }

    Task<ConfigurationEventHandlerResult<OpenIdConnectConfiguration>> IConfigurationEventHandler<OpenIdConnectConfiguration>.BeforeRetrieveAsync(
        string metadataAddress, CancellationToken cancellationToken) =>
        Task.FromResult(ConfigurationEventHandlerResult<OpenIdConnectConfiguration>.NoResult);

    Task IConfigurationEventHandler<OpenIdConnectConfiguration>.AfterUpdateAsync(
        string metadataAddress, OpenIdConnectConfiguration configuration, CancellationToken cancellationToken)
    {
        TaskCompletionSource<OpenIdConnectConfiguration>? pending;
        lock (_gate)
        {
            // An update of the configuration that lacked the key (e.g. the first fetch's, raised late) is not the refresh.
            if (ReferenceEquals(configuration, _stale))
                return Task.CompletedTask;
            pending = _pendingRefresh;
            _pendingRefresh = null;
            _stale = null;
        }

        pending?.TrySetResult(configuration);
        return Task.CompletedTask;
    }
}
