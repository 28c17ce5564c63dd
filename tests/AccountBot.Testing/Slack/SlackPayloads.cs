using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountBot.Testing.Slack;

/// <summary>Slack-shaped inbound payloads for flow tests (slash command fields, block_actions, view_submission, block_suggestion, app_mention).</summary>
public static class SlackPayloads
{
    public static IEnumerable<KeyValuePair<string, string>> Command(string text, string team = "T0ACME", string user = "U0ANA", string channel = "C0DEALS", string responseUrl = "https://hooks.example/resp", string triggerId = "1337.42.trigger", string? enterprise = null)
    {
        yield return new("command", "/map");
        yield return new("text", text);
        yield return new("team_id", team);
        if (enterprise is not null)
            yield return new("enterprise_id", enterprise);
        yield return new("channel_id", channel);
        yield return new("channel_name", "deals");
        yield return new("user_id", user);
        yield return new("user_name", "ana");
        yield return new("response_url", responseUrl);
        yield return new("trigger_id", triggerId);
        yield return new("api_app_id", "A0APP");
    }

    /// <param name="messageTs">The ts of the message holding the button; <paramref name="ephemeral"/> whether only the user saw it.</param>
    public static string BlockAction(
        string actionId, string value, string team = "T0ACME", string user = "U0ANA", string channel = "C0DEALS", string responseUrl = "https://hooks.example/resp",
        string triggerId = "1337.43.trigger", bool selected = false, string messageTs = "1700000000.000100", bool ephemeral = true) =>
        new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "ana", ["name"] = "ana", ["team_id"] = team },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = triggerId,
            ["response_url"] = responseUrl,
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "deals" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = ephemeral },
            ["actions"] = new JsonArray
            {
                selected
                    ? new JsonObject { ["type"] = "static_select", ["action_id"] = actionId, ["block_id"] = "b1", ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "x" }, ["value"] = value }, ["action_ts"] = "1700000001.1" }
                    : new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value, ["action_ts"] = "1700000001.1" },
            },
        }.ToJsonString();

    /// <summary>A view_submission; <paramref name="values"/> maps block id → the state value object (<see cref="Text"/>, <see cref="Selected"/>…).</summary>
    public static string ViewSubmission(string callbackId, string privateMetadata, IReadOnlyDictionary<string, JsonObject> values, string team = "T0ACME", string user = "U0ANA") =>
        new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "ana", ["name"] = "ana", ["team_id"] = team },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = "1337.44.trigger",
            ["view"] = View(callbackId, privateMetadata, values, "V0FORM", "hash-1", team),
        }.ToJsonString();

    /// <summary>A button clicked inside a modal: block_actions with the view (id, hash, metadata) and its inputs' state so far.</summary>
    public static string ViewBlockAction(
        string actionId, string callbackId, string privateMetadata, IReadOnlyDictionary<string, JsonObject> values,
        string viewId = "V0FORM", string hash = "hash-1", string team = "T0ACME", string user = "U0ANA") =>
        new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "ana", ["name"] = "ana", ["team_id"] = team },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = "1337.45.trigger",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = viewId },
            ["view"] = View(callbackId, privateMetadata, values, viewId, hash, team),
            ["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["block_id"] = actionId, ["action_ts"] = "1700000001.2" },
            },
        }.ToJsonString();

    private static JsonObject View(string callbackId, string privateMetadata, IReadOnlyDictionary<string, JsonObject> values, string viewId, string hash, string team)
    {
        var state = new JsonObject();
        foreach (var (blockId, value) in values)
            state[blockId] = new JsonObject { [blockId] = value.DeepClone() };
        return new JsonObject
        {
            ["id"] = viewId,
            ["team_id"] = team,
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["private_metadata"] = privateMetadata,
            ["hash"] = hash,
            ["state"] = new JsonObject { ["values"] = state },
        };
    }

    public static string BlockSuggestion(string actionId, string blockId, string typed, string? privateMetadata, string team = "T0ACME", string user = "U0ANA") =>
        new JsonObject
        {
            ["type"] = "block_suggestion",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["name"] = "ana", ["team_id"] = team },
            ["api_app_id"] = "A0APP",
            ["action_id"] = actionId,
            ["block_id"] = blockId,
            ["value"] = typed,
            ["view"] = privateMetadata is null ? null : new JsonObject { ["id"] = "V0FORM", ["type"] = "modal", ["callback_id"] = "stakeholder-form", ["private_metadata"] = privateMetadata },
        }.ToJsonString();

    public static string AppMention(string text, string eventId, string team = "T0ACME", string user = "U0ANA", string channel = "C0DEALS") =>
        new JsonObject
        {
            ["type"] = "event_callback",
            ["token"] = "unused",
            ["team_id"] = team,
            ["api_app_id"] = "A0APP",
            ["event_id"] = eventId,
            ["event_time"] = 1_700_000_000,
            ["authorizations"] = new JsonArray { new JsonObject { ["team_id"] = team, ["user_id"] = "U0BOT", ["is_bot"] = true, ["is_enterprise_install"] = false } },
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = user, ["text"] = text, ["channel"] = channel, ["ts"] = "1700000000.000200", ["team"] = team, ["event_ts"] = "1700000000.000200" },
        }.ToJsonString();

    public static JsonObject Text(string? value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    public static JsonObject Selected(string value) => new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value } };

    public static JsonObject MultiSelected(params string[] values) => new()
    {
        ["type"] = "multi_static_select",
        ["selected_options"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = v }, ["value"] = v })]),
    };

    public static JsonObject Date(string? value) => new() { ["type"] = "datepicker", ["selected_date"] = value };

    /// <summary>The <c>view.private_metadata</c> of a recorded <c>views.open</c> body.</summary>
    public static string PrivateMetadataOf(JsonElement viewsOpenBody) => viewsOpenBody.GetProperty("view").GetProperty("private_metadata").GetString()!;
}
