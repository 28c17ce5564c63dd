using System.Text.RegularExpressions;
using AccountBot.Core.Features.Admin;

namespace AccountBot.Hosting;

/// <summary>
/// Checks <c>Admins:Slack</c> and <c>Admins:Teams</c> at start-up: a mistyped id would silently give nobody admin rights
/// (or, worse, the wrong person), so each entry must look like an id of its platform; the message names the entry.
/// </summary>
internal static partial class AdminsValidation
{
    public static IEnumerable<string> Validate(AdminsOptions options)
    {
        for (var i = 0; i < options.Slack.Count; i++)
        {
            if (options.Slack[i] is not { } id || !SlackUserId().IsMatch(id))
                yield return $"{AdminsOptions.Section}:Slack:{i} '{options.Slack[i]}' is not a Slack user id (U… or W…, as in the member's profile: Copy member ID).";
        }

        for (var i = 0; i < options.Teams.Count; i++)
        {
            if (options.Teams[i] is not { } id || !(Guid.TryParse(id, out _) || TeamsUserId().IsMatch(id)))
                yield return $"{AdminsOptions.Section}:Teams:{i} '{options.Teams[i]}' is not a Teams user id (the Entra object id, a GUID, or the 29:… id Teams sends).";
        }
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackUserId();

    [GeneratedRegex(@"^29:[A-Za-z0-9_\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamsUserId();
}
