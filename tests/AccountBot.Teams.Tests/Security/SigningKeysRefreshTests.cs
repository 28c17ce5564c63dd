using AccountBot.Teams.Security;
using Microsoft.IdentityModel.Protocols.Configuration;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AccountBot.Teams.Tests.Security;

/// <summary>
/// <see cref="BotFrameworkSigningKeys.RefreshForUnknownKeyAsync"/> when the configuration manager's update events arrive
/// late: IdentityModel raises <c>AfterUpdateAsync</c> on a pool thread after every update, the first fetch's too, so on a
/// busy machine the first fetch's event can come after a token with a new key id asked for a refresh.
/// </summary>
public sealed partial class BotAuthenticatorTests
{
    [Fact]
    public async Task RefreshForUnknownKey_FirstFetchsUpdateEventArrivesLate_WaitsForTheRefreshWithTheNewKey()
    {
        var signingKeys = new BotFrameworkSigningKeys(_metadata.MetadataUrl, _http, _time);
        var first = await signingKeys.GetConfigurationAsync(CancellationToken.None);
        _metadata.Publish(_otherKey);

        var refresh = signingKeys.RefreshForUnknownKeyAsync(first, CancellationToken.None);
        // The first fetch's event, raised late (what a loaded thread pool does): it is not the refresh.
        await ((IConfigurationEventHandler<OpenIdConnectConfiguration>)signingKeys).AfterUpdateAsync(_metadata.MetadataUrl, first, CancellationToken.None);
        var refreshed = await refresh;

        Assert.NotNull(refreshed);
        Assert.Contains(refreshed.SigningKeys, k => k.KeyId == _otherKey.Kid);
        Assert.Equal(2, _metadata.KeyRequests);
    }
}
