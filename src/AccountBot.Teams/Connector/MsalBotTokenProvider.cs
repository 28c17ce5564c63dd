using AccountBot.Teams.Security;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace AccountBot.Teams.Connector;

/// <summary>
/// Client-credentials tokens for <c>https://api.botframework.com/.default</c> from one shared MSAL
/// confidential client (register as a singleton: the client's in-memory cache is what keeps us
/// from asking Entra for a token per message).
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string MultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    private readonly IConfidentialClientApplication? _client;

    public MsalBotTokenProvider(IOptions<BotCredentialsOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = options.Value;
        if (!credentials.IsConfigured)
            return;

        _client = ConfidentialClientApplicationBuilder.Create(credentials.MicrosoftAppId)
            .WithClientSecret(credentials.MicrosoftAppPassword)
            .WithAuthority(GetAuthority(credentials))
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    /// <summary><c>…/botframework.com</c> for MultiTenant, <c>…/{MicrosoftAppTenantId}</c> for SingleTenant.</summary>
    public static string GetAuthority(BotCredentialsOptions credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return credentials.MicrosoftAppType == BotAppType.SingleTenant
            ? "https://login.microsoftonline.com/" + credentials.MicrosoftAppTenantId
            : MultiTenantAuthority;
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_client is null)
            return null;
        var result = await _client.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient("AccountBot.Teams.Msal");
    }
}
