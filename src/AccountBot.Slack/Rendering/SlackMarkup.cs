using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AccountBot.Core.Accounts;
using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Rendering;

/// <summary>
/// Text helpers for the renderers. User text always goes through <see cref="Escape"/> and into <c>verbatim</c> mrkdwn,
/// so a name like <c>&lt;!channel&gt;</c>, <c>&lt;https://evil|click&gt;</c> or <c>@here</c> never pings or links.
/// </summary>
internal static partial class SlackMarkup
{
    /// <summary>Section text is cut well below Slack's 3,000 so escapes never push it over.</summary>
    public const int SectionBudget = 2800;

    public static string Escape(string? text) => SlackText.Escape(text ?? string.Empty);

    public static string Bold(string? text) => string.IsNullOrEmpty(text) ? string.Empty : "*" + Escape(text) + "*";

    /// <summary>Verbatim mrkdwn: Slack does not auto-link names, channels or <c>@here</c> in it.</summary>
    public static Mrkdwn Md(string text) => new(text, verbatim: true);

    public static SectionBlock Section(string mrkdwn) => new(Md(mrkdwn));

    public static ContextBlock Context(string mrkdwn) => new([Md(mrkdwn)]);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A mention built by us from a stored Slack user id; anything else is shown as its escaped name.</summary>
    public static string Mention(UserRef user) =>
        SlackUserId().IsMatch(user.Id) ? $"<@{user.Id}>" : Escape(user.Name);

    public static bool IsSlackUserId(string? id) => id is not null && SlackUserId().IsMatch(id);

    /// <summary>Lines packed into as few sections as fit <see cref="SectionBudget"/> each (a too-long line is cut).</summary>
    public static IEnumerable<string> Pack(IEnumerable<string> lines, string? heading = null)
    {
        var current = new StringBuilder(heading is null ? string.Empty : heading + "\n");
        foreach (var raw in lines)
        {
            var line = SlackText.Truncate(raw, SectionBudget, isMrkdwn: true);
            if (current.Length > 0 && current.Length + line.Length + 1 > SectionBudget)
            {
                yield return current.ToString().TrimEnd('\n');
                current.Clear();
            }

            current.Append(line).Append('\n');
        }

        if (current.Length > 0)
            yield return current.ToString().TrimEnd('\n');
    }

    public static string Plain(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackUserId();
}
