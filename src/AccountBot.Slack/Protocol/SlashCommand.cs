using System.Collections.Frozen;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountBot.Slack.Protocol;

/// <summary>A slash command invocation, read from Slack's <c>application/x-www-form-urlencoded</c> body.</summary>
public sealed record SlashCommand
{
    private static readonly IReadOnlyDictionary<string, string> NoExtra = FrozenDictionary<string, string>.Empty;

    /// <summary>The fields named by this record, and the deprecated verification <c>token</c>, dropped.</summary>
    private static readonly FrozenSet<string> Known = FrozenSet.Create(StringComparer.Ordinal,
        "token", "command", "text", "team_id", "team_domain", "enterprise_id", "enterprise_name", "channel_id",
        "channel_name", "user_id", "user_name", "response_url", "trigger_id", "api_app_id", "is_enterprise_install");

    public required string Command { get; init; }
    public string Text { get; init; } = "";
    public required string TeamId { get; init; }
    public string? TeamDomain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public required string ChannelId { get; init; }
    public string? ChannelName { get; init; }
    public required string UserId { get; init; }
    public string? UserName { get; init; }
    public required string ResponseUrl { get; init; }
    public required string TriggerId { get; init; }
    public string? ApiAppId { get; init; }
    public bool IsEnterpriseInstall { get; init; }

    /// <summary>Fields this record does not name (the deprecated verification <c>token</c> is dropped).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = NoExtra;

    public Installations.SlackTeamKey TeamKey => new(EnterpriseId, TeamId);

    /// <summary>Parses the raw urlencoded body (spaces may arrive as '+').</summary>
    public static SlashCommand Parse(string formBody)
    {
        var fields = QueryHelpers.ParseQuery(formBody)
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        return FromFields(fields);
    }

    public static SlashCommand FromFields(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string Required(string name) =>
            fields.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : throw new SlackPayloadException($"slash command without '{name}'");
        string? Optional(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

        return new SlashCommand
        {
            Command = Required("command"),
            Text = Optional("text") ?? "",
            TeamId = Required("team_id"),
            TeamDomain = Optional("team_domain"),
            EnterpriseId = Optional("enterprise_id"),
            EnterpriseName = Optional("enterprise_name"),
            ChannelId = Required("channel_id"),
            ChannelName = Optional("channel_name"),
            UserId = Required("user_id"),
            UserName = Optional("user_name"),
            ResponseUrl = Required("response_url"),
            TriggerId = Required("trigger_id"),
            ApiAppId = Optional("api_app_id"),
            // A form field, so the wire spells the boolean as the string "true"/"false".
            IsEnterpriseInstall = string.Equals(Optional("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase),
            Extra = ExtraOf(fields),
        };
    }

    private static IReadOnlyDictionary<string, string> ExtraOf(IReadOnlyDictionary<string, string> fields)
    {
        Dictionary<string, string>? extra = null;
        foreach (var (name, value) in fields)
        {
            if (!Known.Contains(name))
                (extra ??= new(StringComparer.Ordinal))[name] = value;
        }

        return extra ?? NoExtra;
    }
}
