using System.Text.Json;
using System.Text.Json.Serialization;
using AccountBot.Slack.Installations;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountBot.Slack.Protocol;

/// <summary>
/// An interactivity request (<c>payload=&lt;json&gt;</c>), switched on <c>type</c> into
/// <see cref="BlockActionsPayload"/>, <see cref="ViewSubmissionPayload"/>, <see cref="ViewClosedPayload"/>,
/// <see cref="BlockSuggestionPayload"/>, or <see cref="UnknownInteractionPayload"/> for the rest.
/// </summary>
public abstract record InteractionPayload
{
    public required string Type { get; init; }
    public required SlackUserRef User { get; init; }

    /// <summary>Null for some org-wide installs; then <see cref="Enterprise"/> identifies the workspace owner.</summary>
    public SlackTeamRef? Team { get; init; }
    public SlackEnterpriseRef? Enterprise { get; init; }
    public string? ApiAppId { get; init; }
    public bool IsEnterpriseInstall { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// The workspace that installed the app, as bolt reads it: a modal opened from a Slack Connect channel carries
    /// it in <c>view.app_installed_team_id</c> (its <c>team</c> can be the acting user's); else <c>team.id</c>, and
    /// for org-wide installs (no <c>team</c>) <c>user.team_id</c>.
    /// </summary>
    public string? InstalledTeamId => AppInstalledTeamId ?? Team?.Id ?? User.TeamId;

    public SlackTeamKey TeamKey => new(Enterprise?.Id ?? Team?.EnterpriseId, IsEnterpriseInstall ? null : InstalledTeamId);

    /// <summary>The payload's view's <c>app_installed_team_id</c>, for payloads that carry a view.</summary>
    protected virtual string? AppInstalledTeamId => null;

    /// <summary>Reads the <c>payload</c> field of a urlencoded interactivity body.</summary>
    public static InteractionPayload ParseForm(string formBody)
    {
        var fields = QueryHelpers.ParseQuery(formBody);
        if (!fields.TryGetValue("payload", out var payload) || string.IsNullOrEmpty(payload.ToString()))
            throw new SlackPayloadException("interactivity request without 'payload'");
        return Parse(payload.ToString());
    }

    public static InteractionPayload Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new SlackPayloadException("interaction payload is not an object");
            var type = doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var context = SlackJsonContext.Default;
            InteractionPayload? result = type switch
            {
                SlackInteractionTypes.BlockActions => doc.RootElement.Deserialize(context.BlockActionsPayload),
                SlackInteractionTypes.ViewSubmission => doc.RootElement.Deserialize(context.ViewSubmissionPayload),
                SlackInteractionTypes.ViewClosed => doc.RootElement.Deserialize(context.ViewClosedPayload),
                SlackInteractionTypes.BlockSuggestion => doc.RootElement.Deserialize(context.BlockSuggestionPayload),
                SlackInteractionTypes.MessageAction => doc.RootElement.Deserialize(context.MessageActionPayload),
                null => throw new SlackPayloadException("interaction payload without 'type'"),
                _ => doc.RootElement.Deserialize(context.UnknownInteractionPayload),
            };
            return result switch
            {
                null => throw new SlackPayloadException("interaction payload is null"),
                BlockActionsPayload { Actions: var actions } when actions.Any(a => a is null) => throw new SlackPayloadException("block_actions with a null action"),
                _ => result,
            };
        }
        catch (JsonException e)
        {
            throw new SlackPayloadException("interaction payload is not valid: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // A string that is not valid UTF-8/UTF-16 (e.g. a lone surrogate escape) throws when it is read.
            throw new SlackPayloadException("interaction payload has unreadable text: " + e.Message, e);
        }
    }
}
