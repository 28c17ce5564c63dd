using AccountBot.Core.Access;
using AccountBot.Core.Accounts;
using AccountBot.Core.Logging;
using AccountBot.Core.Workspaces;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Slack.Security;
using AccountBot.Slack.WebApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountBot.Slack.Endpoints;

/// <summary>OAuth v2 install: <c>/slack/install</c> → Slack's consent page → <c>/slack/oauth/callback</c> → oauth.v2.access → store.</summary>
internal sealed class SlackOAuthHandler(
    IOptions<SlackOptions> options,
    SlackOAuthState state,
    SlackApiClient api,
    ISlackInstallationStore installations,
    IWorkspaceLifecycle lifecycle,
    SlackAccessGate gate,
    TimeProvider timeProvider,
    RejectionLog rejections,
    ILogger<SlackOAuthHandler> logger)
{
    public IResult Install(HttpContext http)
    {
        var o = options.Value;
        var value = state.Create();
        var query = new Dictionary<string, string?> { ["client_id"] = o.ClientId, ["scope"] = o.Scopes, ["state"] = value };
        if (o.RedirectUri is not null)
            query["redirect_uri"] = o.RedirectUri.AbsoluteUri;
        http.Response.Cookies.Append(SlackOAuthState.CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = o.InstallStateLifetime,
            Path = "/slack/oauth",
        });
        return TypedResults.Redirect(QueryHelpers.AddQueryString(o.AuthorizeUrl.AbsoluteUri, query));
    }

    public async Task<IResult> CallbackAsync(HttpContext http)
    {
        var query = http.Request.Query;
        if (query.TryGetValue("error", out var error))
        {
            Refused("user declined", error);
            return Text(StatusCodes.Status400BadRequest, "The installation was cancelled in Slack. Start again from /slack/install if you want to install AccountBot.");
        }

        if (!state.IsValid(query["state"].ToString(), http.Request.Cookies[SlackOAuthState.CookieName]))
        {
            Refused("invalid or expired state");
            return Text(StatusCodes.Status400BadRequest, "This install link has expired or was not started in this browser. Start again from /slack/install.");
        }

        var code = query["code"].ToString();
        if (string.IsNullOrEmpty(code))
        {
            Refused("no code");
            return Text(StatusCodes.Status400BadRequest, "Slack did not send an authorization code. Start again from /slack/install.");
        }

        var o = options.Value;
        OAuthV2AccessResponse access;
        try
        {
            access = await api.OAuthV2AccessAsync(o.ClientId!, o.ClientSecret!, code, o.RedirectUri, http.RequestAborted);
        }
        catch (SlackApiException e)
        {
            Refused("oauth.v2.access failed", e.Error);
            return Text(StatusCodes.Status400BadRequest, $"Slack refused the installation ({e.Error}). Start again from /slack/install.");
        }

        if (string.IsNullOrEmpty(access.AccessToken) || (access.Team is null && access.Enterprise is null))
        {
            Refused("oauth.v2.access answered without a bot token or workspace");
            return Text(StatusCodes.Status400BadRequest, "Slack did not return a bot token. Check the app's bot scopes, then start again from /slack/install.");
        }

        // Not stored, so the token is never used; Slack still lists the app there until someone removes it.
        var team = new SlackTeamKey(access.Enterprise?.Id, access.Team?.Id);
        if (!gate.IsAllowed(team, access.Team?.Id))
        {
            Log.InstallNotAllowed(logger, team.ToString());
            return Text(StatusCodes.Status403Forbidden, AccessNotices.WorkspaceNotAllowed + " You can remove AccountBot from this workspace in Slack's app settings.");
        }

        var installation = new SlackInstallation
        {
            EnterpriseId = access.Enterprise?.Id,
            TeamId = access.Team?.Id,
            TeamName = access.Team?.ExtensionData?.TryGetValue("name", out var name) == true ? name.GetString() : null,
            IsEnterpriseInstall = access.IsEnterpriseInstall,
            BotToken = access.AccessToken,
            BotUserId = access.BotUserId,
            AppId = access.AppId,
            Scopes = access.Scope,
            InstalledAt = timeProvider.GetUtcNow(),
        };
        await installations.SaveAsync(installation, http.RequestAborted);
        Log.Installed(logger, installation.Key.ToString());

        // Installed again within Privacy:UninstallGraceDays: the workspace keeps its data.
        if (installation.TeamId is { Length: > 0 } teamId)
            await lifecycle.AppInstalledAsync(WorkspaceKey.ForSlack(installation.EnterpriseId, teamId), http.RequestAborted);
        http.Response.Cookies.Delete(SlackOAuthState.CookieName, new CookieOptions { Path = "/slack/oauth" });
        return Text(StatusCodes.Status200OK, $"AccountBot is installed in {installation.TeamName ?? "your workspace"}. You can close this window and go back to Slack.");
    }

    /// <summary>Anyone can call the callback: its values are cut short, and a flood costs a line a second.</summary>
    private void Refused(string reason, string? detail = null)
    {
        if (rejections.ShouldLog("slack oauth " + reason, out var count))
            Log.OAuthRefused(logger, reason, LogText.Untrusted(detail), count);
    }

    private static IResult Text(int status, string message) => TypedResults.Text(message, "text/plain; charset=utf-8", statusCode: status);
}
