using AccountBot.Adapters.Http;

namespace AccountBot.Slack.Hosting;

/// <summary>Configuration section <c>Slack</c>. Validated at start-up by <see cref="SlackOptionsValidator"/>.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies every inbound request. Without it the Slack endpoints are not mapped.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Single-workspace mode: the <c>xoxb-</c> bot token used for every request.</summary>
    public string? BotToken { get; set; }

    /// <summary>Multi-workspace mode (OAuth v2 install): the app's client id; needs <see cref="ClientSecret"/>.</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Bot scopes requested at install, comma-separated as Slack expects them.</summary>
    public string Scopes { get; set; } = "commands,chat:write,app_mentions:read,files:write,channels:history,groups:history,users:read,channels:read,groups:read,im:read,mpim:read,im:write";

    /// <summary>The absolute URL of <c>/slack/oauth/callback</c>, as registered in the app's settings.</summary>
    public Uri? RedirectUri { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>
    /// Team ids (<c>T…</c>) and Enterprise Grid ids (<c>E…</c>) whose requests and installs are served. Empty: any
    /// workspace that installs the app. Others get a short notice; nothing is stored for them.
    /// </summary>
    public IList<string> AllowedTeams { get; } = [];

    /// <summary>Inbound bodies above this are refused with 413 before verification.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long an install link's <c>state</c> stays valid.</summary>
    public TimeSpan InstallStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How Web API calls answered 429, 502 or 504 are retried (<c>Slack:ApiRetry</c>, the policy Teams' connector uses too).</summary>
    public ApiRetryOptions ApiRetry { get; set; } = new();

    public bool EndpointsEnabled => !string.IsNullOrEmpty(SigningSecret);
    public bool OAuthEnabled => !string.IsNullOrEmpty(ClientId);
}
