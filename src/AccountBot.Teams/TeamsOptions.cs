using AccountBot.Adapters.Http;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Security;

namespace AccountBot.Teams;

/// <summary>Settings of the Teams adapter, bound to section <c>Teams</c>.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>Where the channel's signing keys are published. Plain http is accepted only for loopback (tests).</summary>
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkAuthentication.DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Lets requests in without a token when no MicrosoftAppId is configured, for the local Agents
    /// Playground. Refused outside the Development environment.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedRequests { get; set; }

    /// <summary>
    /// The Entra tenant ids (GUIDs) whose people may use the bot; empty lets in any tenant that installs it. Anyone
    /// who sideloads a package carrying the bot's id can otherwise make it store data for their tenant.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Inbound bodies above this are answered 413; real activities are a few KB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Outbound retry settings (<c>Teams:ConnectorRetry</c>).</summary>
    public ApiRetryOptions ConnectorRetry { get; set; } = new();
}
