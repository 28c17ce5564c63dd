using System.Text;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Testing.Slack;
using FsCheck;
using FsCheck.Fluent;
using static AccountBot.Host.Tests.Hostile.HostileHost;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>Hostile inputs for the Slack endpoints, signed as Slack signs, sent as a user of workspace T0ONE unless said otherwise.</summary>
internal static class SlackCorpus
{
    public const string Commands = "/slack/commands";
    public const string Interactivity = "/slack/interactivity";
    public const string Options = "/slack/options";
    public const string Events = "/slack/events";

    private const string Form = SlackRequestSigner.FormContentType;

    public static readonly string BlockAction = new JsonObject
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = SlackOne, ["domain"] = "one" },
        ["user"] = new JsonObject { ["id"] = "U0ANA", ["username"] = "ana", ["name"] = "ana", ["team_id"] = SlackOne },
        ["api_app_id"] = "A0APP",
        ["trigger_id"] = "1337.1.trigger",
        ["response_url"] = "{{responseUrl}}",
        ["channel"] = new JsonObject { ["id"] = "{{channel}}", ["name"] = "deals" },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = "{{channel}}", ["is_ephemeral"] = true },
        ["actions"] = new JsonArray { new JsonObject { ["type"] = "button", ["action_id"] = "map:history", ["block_id"] = "b1", ["value"] = "map Acme Corp history", ["action_ts"] = "1700000001.1" } },
    }.ToJsonString();

    /// <summary>The stakeholder modal submitted for a person of the sender's own map: a legitimate edit.</summary>
    public static readonly string StakeholderSubmit = ViewSubmission("stakeholder-form", "{\"m\":\"{{me.map0}}\",\"s\":\"{{me.map0.p2}}\",\"k\":\"{{random}}\",\"c\":\"{{channel}}\"}", new JsonObject
    {
        ["name"] = State("plain_text_input", "value", "Max Sone"),
        ["title"] = State("plain_text_input", "value", "CFO"),
        ["roles"] = new JsonObject { ["roles"] = new JsonObject { ["type"] = "multi_static_select", ["selected_options"] = new JsonArray { Option("Champion"), Option("Signer") } } },
        ["power"] = new JsonObject { ["power"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = Option("4") } },
        ["reportsTo"] = new JsonObject { ["reportsTo"] = new JsonObject { ["type"] = "external_select", ["selected_option"] = Option("{{me.map0.p0}}") } },
        ["lastContacted"] = State("datepicker", "selected_date", "2026-02-01"),
        ["owner"] = State("users_select", "selected_user", "U0ANA"),
    });

    public static readonly string ImportConfirm = ViewSubmission("import-preview", "{\"m\":\"{{me.map0}}\",\"i\":\"{{me.import}}\",\"c\":\"{{channel}}\"}", new JsonObject());

    public static readonly string Suggestion = SuggestionJson();

    public static readonly string Mention = new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = SlackOne,
        ["api_app_id"] = "A0APP",
        ["event_id"] = "Ev{{random}}",
        ["event_time"] = 1_700_000_000,
        ["authorizations"] = new JsonArray { new JsonObject { ["team_id"] = SlackOne, ["user_id"] = "U0BOT", ["is_bot"] = true, ["is_enterprise_install"] = false } },
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ANA", ["text"] = "<@U0BOT> map Globex", ["channel"] = "{{channel}}", ["ts"] = "1700000000.000200", ["team"] = SlackOne, ["event_ts"] = "1700000000.000200" },
    }.ToJsonString();

    private static readonly (string Key, string Value)[] CommandFields =
    [
        ("command", "/map"), ("text", "Acme Corp"), ("team_id", SlackOne), ("team_domain", "one"), ("channel_id", "{{channel}}"), ("channel_name", "deals"),
        ("user_id", "U0ANA"), ("user_name", "ana"), ("response_url", "{{responseUrl}}"), ("trigger_id", "1337.42.trigger"), ("api_app_id", "A0APP"),
    ];

    public static IReadOnlyList<HostileCase> CommandCases()
    {
        var cases = new List<HostileCase>();
        var seed = EncodeForm(CommandFields);
        cases.AddRange(Corpus.Cases("malformed form", MalformedForm(seed), 30, b => Post(Commands, "malformed form", b.Label, b.Body)));
        foreach (var (key, _) in CommandFields)
        {
            cases.Add(Post(Commands, "missing field", "without " + key, Encoding.UTF8.GetBytes(EncodeForm(CommandFields.Where(f => f.Key != key)))));
            cases.AddRange(Corpus.Cases("hostile field", JsonFuzz.Pick(FieldValues), 2, v => Post(Commands, "hostile field", $"{key} = {v.Name}", Encoding.UTF8.GetBytes(EncodeForm(CommandFields.Select(f => f.Key == key ? (f.Key, v.Value) : f)))), key));
            cases.AddRange(Corpus.Cases("invalid UTF-8", JsonFuzz.Pick(JsonFuzz.InvalidUtf8), 1, v => Post(Commands, "invalid UTF-8", $"{key} = {v.Name}", ReplaceFormValue(CommandFields, key, v.Bytes)), key));
        }

        cases.Add(Post(Commands, "huge", "text of 60 KB (under the limit)", Encoding.UTF8.GetBytes(EncodeForm(CommandFields.Select(f => f.Key == "text" ? (f.Key, "Acme Corp " + new string('x', 60_000)) : f)))));
        cases.Add(Post(Commands, "body over limit", "100 KB body (over Slack:MaxRequestBodyBytes)", Encoding.UTF8.GetBytes(EncodeForm(CommandFields.Select(f => f.Key == "text" ? (f.Key, new string('x', 100_000)) : f)))));
        cases.Add(Post(Commands, "body over limit", "2 MB body (over the Kestrel limit too)", new byte[2 * 1024 * 1024]));
        cases.AddRange(Corpus.Cases("unknown command", JsonFuzz.Pick(["/mapx", "/MAP", "map", "/", "/map\u0000", "/удалить", "/" + new string('m', 500)]), 7,
            c => Post(Commands, "unknown command", "command " + c, Encoding.UTF8.GetBytes(EncodeForm(CommandFields.Select(f => f.Key == "command" ? (f.Key, c) : f))))));
        cases.AddRange(Corpus.Cases("command text", TeamsCorpus.Commands, 45, c => Post(Commands, "command text", c.Text,
            Encoding.UTF8.GetBytes(EncodeForm(CommandFields.Select(f => f.Key == "text" ? (f.Key, c.Text.StartsWith("map", StringComparison.OrdinalIgnoreCase) ? c.Text[3..].Trim() : c.Text) : f))), mayChange: c.MayChange ? SlackT1 : null)));
        cases.AddRange(Signatures(Commands, Encoding.UTF8.GetBytes(seed)));
        return cases;
    }

    public static IReadOnlyList<HostileCase> InteractivityCases()
    {
        var cases = new List<HostileCase>();
        foreach (var (name, seed, mayChange) in new[] { ("block_actions", BlockAction, (WorkspaceKey?)null), ("stakeholder form", StakeholderSubmit, SlackT1), ("import confirm", ImportConfirm, SlackT1) })
        {
            cases.AddRange(Corpus.Cases("malformed JSON", JsonFuzz.Malformed(seed), 8, b => Payload(Interactivity, "malformed JSON", name + ": " + b.Label, b.Body, b.Label.StartsWith(JsonFuzz.Tolerated, StringComparison.Ordinal) ? mayChange : (WorkspaceKey?)null), name));
            cases.AddRange(JsonFuzz.EveryField(seed).SelectMany(field => Corpus.Cases("wrong type", field.Gen, 1, b => Payload(Interactivity, "wrong type", name + ": " + b.Label, b.Body, mayChange), name + field.Path)));
            cases.AddRange(Corpus.Cases("missing field", JsonFuzz.Missing(seed), 6, b => Payload(Interactivity, "missing field", name + ": " + b.Label, b.Body, mayChange), name));
            cases.AddRange(Corpus.Cases("deep nesting", JsonFuzz.Deep(seed, 5_000), 1, b => Payload(Interactivity, "deep nesting", name + ": " + b.Label, b.Body), name));
            cases.AddRange(Corpus.Cases("huge string", JsonFuzz.Huge(seed, 15_000), 2, b => Payload(Interactivity, "huge string", name + ": " + b.Label, b.Body, mayChange), name));
            cases.AddRange(Corpus.Cases("invalid UTF-8", JsonFuzz.InvalidUtf8Anywhere(seed), 5, b => Payload(Interactivity, "invalid UTF-8", name + ": " + b.Label, b.Body, mayChange), name));
        }

        cases.AddRange(Corpus.Cases("malformed form", MalformedForm("payload=" + Uri.EscapeDataString(BlockAction)), 15, b => Post(Interactivity, "malformed form", b.Label, b.Body)));
        cases.AddRange(Corpus.Cases("unknown type", JsonFuzz.Pick(["shortcut", "message_action", "workflow_step_edit", "view_closed", "interactive_message", "dialog_submission", "", "BLOCK_ACTIONS"]), 10,
            t => Payload(Interactivity, "unknown type", "type " + t, Encoding.UTF8.GetBytes(BlockAction.Replace("\"block_actions\"", $"\"{t}\"", StringComparison.Ordinal)))));
        cases.AddRange(Corpus.Cases("forged data", ForgedInteractions, 90, f => Payload(Interactivity, "forged data", f.Label, Encoding.UTF8.GetBytes(f.Json), f.MayChange ? SlackT1 : null)));
        cases.AddRange(Signatures(Interactivity, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(BlockAction))));
        return cases;
    }

    public static IReadOnlyList<HostileCase> OptionsCases()
    {
        var cases = new List<HostileCase>();
        cases.AddRange(Corpus.Cases("malformed JSON", JsonFuzz.Malformed(Suggestion), 8, b => Payload(Options, "malformed JSON", b.Label, b.Body)));
        cases.AddRange(JsonFuzz.EveryField(Suggestion).SelectMany(field => Corpus.Cases("wrong type", field.Gen, 1, b => Payload(Options, "wrong type", b.Label, b.Body), field.Path)));
        cases.AddRange(Corpus.Cases("invalid UTF-8", JsonFuzz.InvalidUtf8Anywhere(Suggestion), 6, b => Payload(Options, "invalid UTF-8", b.Label, b.Body)));
        cases.AddRange(Corpus.Cases("forged data", ForgedSuggestions, 30, f => Payload(Options, "forged data", f.Label, Encoding.UTF8.GetBytes(f.Json))));
        cases.Add(Payload(Options, "unknown type", "block_actions on the options URL", Encoding.UTF8.GetBytes(BlockAction)));
        return cases;
    }

    public static IReadOnlyList<HostileCase> EventCases()
    {
        var cases = new List<HostileCase>();
        cases.AddRange(Corpus.Cases("malformed JSON", JsonFuzz.Malformed(Mention), 15, b => Post(Events, "malformed JSON", b.Label, b.Body, "application/json", b.Label.StartsWith(JsonFuzz.Tolerated, StringComparison.Ordinal) ? SlackT1 : (WorkspaceKey?)null)));
        cases.AddRange(JsonFuzz.EveryField(Mention).SelectMany(field => Corpus.Cases("wrong type", field.Gen, 1, b => Post(Events, "wrong type", b.Label, b.Body, "application/json", SlackT1), field.Path)));
        cases.AddRange(Corpus.Cases("missing field", JsonFuzz.Missing(Mention), 10, b => Post(Events, "missing field", b.Label, b.Body, "application/json", SlackT1)));
        cases.AddRange(Corpus.Cases("deep nesting", JsonFuzz.Deep(Mention, 10_000), 3, b => Post(Events, "deep nesting", b.Label, b.Body, "application/json")));
        cases.AddRange(Corpus.Cases("huge string", JsonFuzz.Huge(Mention, 20_000), 3, b => Post(Events, "huge string", b.Label, b.Body, "application/json", SlackT1)));
        cases.AddRange(Corpus.Cases("invalid UTF-8", JsonFuzz.InvalidUtf8Anywhere(Mention), 10, b => Post(Events, "invalid UTF-8", b.Label, b.Body, "application/json", SlackT1)));
        cases.AddRange(Corpus.Cases("unknown type", UnknownEvents, 20, e => Post(Events, "unknown type", e.Label, Encoding.UTF8.GetBytes(e.Json), "application/json")));
        cases.AddRange(Corpus.Cases("command text", TeamsCorpus.Commands, 25, c => Post(Events, "command text", c.Text,
            Encoding.UTF8.GetBytes(Mention.Replace("map Globex", c.Text.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)), "application/json", c.MayChange ? SlackT1 : (WorkspaceKey?)null)));
        cases.AddRange(Signatures(Events, Encoding.UTF8.GetBytes(Mention), "application/json"));
        return cases;
    }

    private static JsonObject State(string type, string field, string value) => Wrap(type, field, value);

    private static JsonObject Wrap(string type, string field, string value) => new() { ["_"] = new JsonObject { ["type"] = type, [field] = value } };

    private static JsonObject Option(string value) => new() { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value };

    /// <summary>A block_suggestion of T0ONE for an external select of the stakeholder modal or the map card.</summary>
    public static string SuggestionJson(string action = "reportsTo", string block = "reportsTo", string? metadata = "{\"m\":\"{{me.map0}}\",\"k\":\"x\"}", string typed = "") => new JsonObject
    {
        ["type"] = "block_suggestion",
        ["team"] = new JsonObject { ["id"] = SlackOne, ["domain"] = "one" },
        ["user"] = new JsonObject { ["id"] = "U0ANA", ["name"] = "ana", ["team_id"] = SlackOne },
        ["api_app_id"] = "A0APP",
        ["action_id"] = action,
        ["block_id"] = block,
        ["value"] = typed,
        ["view"] = metadata is null ? null : new JsonObject { ["id"] = "V0FORM", ["type"] = "modal", ["callback_id"] = "stakeholder-form", ["private_metadata"] = metadata },
    }.ToJsonString();

    /// <summary>A view_submission of T0ONE; <paramref name="values"/> maps block id → {action id placeholder "_": state}.</summary>
    public static string ViewSubmission(string callbackId, string privateMetadata, JsonObject values)
    {
        var state = new JsonObject();
        foreach (var (blockId, block) in values)
        {
            var inner = block!.AsObject();
            var value = inner.Count == 1 && inner.ContainsKey("_") ? inner["_"]!.DeepClone() : inner[blockId]!.DeepClone();
            state[blockId] = new JsonObject { [blockId] = value };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackOne, ["domain"] = "one" },
            ["user"] = new JsonObject { ["id"] = "U0ANA", ["username"] = "ana", ["name"] = "ana", ["team_id"] = SlackOne },
            ["api_app_id"] = "A0APP",
            ["trigger_id"] = "1337.44.trigger",
            ["view"] = new JsonObject
            {
                ["id"] = "V0FORM",
                ["team_id"] = SlackOne,
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["hash"] = "hash-1",
                ["state"] = new JsonObject { ["values"] = state },
            },
        }.ToJsonString();
    }

    private static readonly (string Name, string Value)[] FieldValues =
    [
        ("empty", ""), ("blank", "   "), ("whitespace team", " \t"), ("NUL", "a\0b"), ("newline", "a\r\nb"), ("5 KB", new string('y', 5000)),
        ("other team", SlackTwo), ("comma list", SlackOne + "," + SlackTwo), ("unicode", "Ünï\u202ecödé"), ("mention", "<!channel> <@U0BOT>"),
        ("not a url", "not a url"), ("ftp url", "ftp://evil.example/x"), ("javascript", "javascript:alert(1)"), ("number", "12345"),
    ];

    private static string EncodeForm(IEnumerable<(string Key, string Value)> fields) =>
        SlackRequestSigner.EncodeForm(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static byte[] ReplaceFormValue((string Key, string Value)[] fields, string key, byte[] raw)
    {
        var text = EncodeForm(fields.Select(f => f.Key == key ? (f.Key, "HOSTILERAWVALUE") : f));
        var at = text.IndexOf("HOSTILERAWVALUE", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. raw, .. Encoding.UTF8.GetBytes(text[(at + 15)..])];
    }

    /// <summary>Breakage of a urlencoded body: bad escapes, missing '=', repeated keys, not a form at all.</summary>
    private static Gen<(string Label, byte[] Body)> MalformedForm(string seed)
    {
        var bytes = Encoding.UTF8.GetBytes(seed);
        return Gen.Frequency(
            (1, Gen.Choose(0, bytes.Length - 1).Select(n => ($"truncated at {n}", bytes[..n]))),
            (3, JsonFuzz.Pick<(string, byte[])>(
            [
                ("empty", []), ("only separators", "&&&&=&="u8.ToArray()), ("bad escape %ZZ", Encoding.UTF8.GetBytes(seed + "&x=%ZZ%")),
                ("escape of invalid UTF-8", Encoding.UTF8.GetBytes(seed.Replace("Acme", "%C3%28%FF", StringComparison.Ordinal).Replace("block_actions", "block%C0%AFactions", StringComparison.Ordinal))),
                ("keys without values", Encoding.UTF8.GetBytes(seed.Replace("=", "", StringComparison.Ordinal))), ("semicolons", Encoding.UTF8.GetBytes(seed.Replace('&', ';'))),
                ("every key twice", Encoding.UTF8.GetBytes(seed + "&" + seed)), ("JSON body", "{\"command\":\"/map\",\"text\":\"Acme\"}"u8.ToArray()),
                ("multipart body", "--b\r\nContent-Disposition: form-data; name=\"command\"\r\n\r\n/map\r\n--b--"u8.ToArray()),
                ("10,000 empty fields", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a=&", 10_000)))), ("NUL bytes", [0, 0, 61, 0]),
                ("plus and percent soup", Encoding.UTF8.GetBytes(seed.Replace("%", "%25%", StringComparison.Ordinal) + "+%2B%20++")),
            ])));
    }

    private static IEnumerable<HostileCase> Signatures(string path, byte[] body, string contentType = Form)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var (label, ts, signature) in new (string, string?, string?)[]
        {
            ("no signature headers", null, null), ("wrong secret", now.ToString(System.Globalization.CultureInfo.InvariantCulture), "v0=" + new string('0', 64)),
            ("stale timestamp", (now - 600).ToString(System.Globalization.CultureInfo.InvariantCulture), "sign"), ("future timestamp", (now + 600).ToString(System.Globalization.CultureInfo.InvariantCulture), "sign"),
            ("timestamp not a number", "yesterday", "sign"), ("signature not hex", now.ToString(System.Globalization.CultureInfo.InvariantCulture), "v0=zz"),
            ("v1 signature", now.ToString(System.Globalization.CultureInfo.InvariantCulture), "v1=" + new string('a', 64)), ("huge timestamp", "99999999999999999999999", "sign"),
        })
        {
            yield return new(path, "signature", label, SlackT1, host =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(host.Resolve(body, SlackT1)) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                if (ts is not null)
                    request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", ts);
                if (signature is not null)
                    request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature == "sign" ? host.Signer.Sign(ts!, host.Resolve(body, SlackT1)) : signature);
                return request;
            });
        }

        yield return new(path, "signature", "signed body, then one byte changed", SlackT1, host =>
        {
            var resolved = host.Resolve(body, SlackT1);
            var request = host.SlackPost(path, resolved, contentType);
            var tampered = (byte[])resolved.Clone();
            tampered[^1] ^= 1;
            request.Content = new ByteArrayContent(tampered);
            return request;
        });
    }

    private static HostileCase Post(string path, string category, string label, byte[] body, string contentType = Form, WorkspaceKey? mayChange = null) =>
        new(path, category, label, SlackT1, host => host.SlackPost(path, host.Resolve(body, SlackT1), contentType)) { MayChange = mayChange };

    /// <summary>A payload JSON (tokens resolved first), sent as <c>payload=&lt;url-encoded bytes&gt;</c>.</summary>
    private static HostileCase Payload(string path, string category, string label, byte[] json, WorkspaceKey? mayChange = null) =>
        new(path, category, label, SlackT1, host => host.SlackPost(path, [.. "payload="u8.ToArray(), .. Encoding.ASCII.GetBytes(System.Web.HttpUtility.UrlEncode(host.Resolve(json, SlackT1)))])) { MayChange = mayChange };

    private static Gen<string> MetadataId(params string[] ids) => JsonFuzz.Pick(ids);

    /// <summary>Interactions carrying ids the sender may not use: modals and buttons with another workspace's map, another map's person, an applied submission, another workspace's import.</summary>
    private static readonly Gen<(string Label, string Json, bool MayChange)> ForgedInteractions =
        Gen.OneOf(
            from map in MetadataId("{{me.map0}}", "{{me.map1}}", "{{other.map0}}", "{{cross.map0}}", "{{random}}", "00000000-0000-0000-0000-000000000000", "nope")
            from person in MetadataId("", "{{me.map0.p1}}", "{{me.map1.p0}}", "{{other.map0.p1}}", "{{random}}")
            from submission in MetadataId("{{random}}", "{{me.applied}}", "{{other.applied}}", "")
            from reportsTo in MetadataId("{{me.map0.p0}}", "{{me.map1.p0}}", "{{other.map0.p0}}", "garbage")
            from name in JsonFuzz.Pick(["Eve Sone", "", new string('e', 3000), "<!channel>"])
            select Forged(map, person, submission, reportsTo, name),
            from map in MetadataId("{{me.map0}}", "{{me.map1}}", "{{other.map0}}", "{{random}}")
            from import in MetadataId("{{me.import}}", "{{other.import}}", "{{cross.import}}", "{{random}}", "")
            select ($"import-preview m={map} i={import}", ViewSubmission("import-preview", $"{{\"m\":\"{map}\",\"i\":\"{import}\",\"c\":\"{{channel}}\"}}", new JsonObject()), map == "{{me.map0}}" && import == "{{me.import}}"),
            from metadata in JsonFuzz.Pick(["", "null", "[]", "{\"m\":5}", "{\"m\":\"{{other.map0}}\"}", "{\"m\":\"{{other.map0}}\",\"k\":\"\"}", "{\"m\":\"{{other.map0}}\",\"k\":[1]}", "{\"m\":\"{{me.map0}}\",\"s\":\"x\",\"k\":\"a\"}", "{{", new string('{', 3000), "{\"m\":\"{{me.map0}}\",\"k\":\"" + new string('k', 2900) + "\"}"])
            from callback in JsonFuzz.Pick(["stakeholder-form", "import-preview", "import-form", "unknown-form", ""])
            select ($"{callback} with private_metadata {metadata[..Math.Min(metadata.Length, 40)]}", ViewSubmission(callback, metadata, new JsonObject { ["name"] = Wrap("plain_text_input", "value", "Eve Sone"), ["account"] = Wrap("plain_text_input", "value", "Acme Corp"), ["csv"] = Wrap("plain_text_input", "value", "Name\nEve Sone") }), false),
            from action in JsonFuzz.Pick(["map:edit", "cmd:confirm-remove", "cmd:choice", "map:edit-search", "cmd:", "map:", "unknown", ""])
            from command in TeamsCorpus.Commands
            where !command.MayChange
            select ($"action {action} value {command.Text}", BlockAction.Replace("\"map:history\"", $"\"{action}\"", StringComparison.Ordinal).Replace("\"map Acme Corp history\"", System.Text.Json.JsonSerializer.Serialize(command.Text), StringComparison.Ordinal), false));

    private static (string, string, bool) Forged(string map, string person, string submission, string reportsTo, string name)
    {
        var metadata = $"{{\"m\":\"{map}\",{(person.Length > 0 ? $"\"s\":\"{person}\"," : "")}\"k\":\"{submission}\",\"c\":\"{{channel}}\"}}";
        var json = ViewSubmission("stakeholder-form", metadata, new JsonObject
        {
            ["name"] = Wrap("plain_text_input", "value", name),
            ["reportsTo"] = new JsonObject { ["reportsTo"] = new JsonObject { ["type"] = "external_select", ["selected_option"] = Option(reportsTo) } },
        });
        var prefix = map == "{{me.map0}}" ? "{{me.map0." : "{{me.map1.";
        var mayChange = map is "{{me.map0}}" or "{{me.map1}}" && (person.Length == 0 || person.StartsWith(prefix, StringComparison.Ordinal))
            && submission == "{{random}}" && reportsTo.StartsWith(prefix, StringComparison.Ordinal);
        return ($"stakeholder-form m={map} s={person} k={submission} reportsTo={reportsTo} name={name[..Math.Min(name.Length, 12)]}", json, mayChange);
    }

    private static readonly Gen<(string Label, string Json)> ForgedSuggestions =
        from action in JsonFuzz.Pick(["reportsTo", "relatedTo", "map:edit-search", "unknown"])
        from block in JsonFuzz.Pick(["reportsTo", "mapcard:{{other.map0}}", "mapcard:{{me.map0}}", "mapcard:", "mapcard:nope", "mapcard:{{cross.map0}}"])
        from metadata in JsonFuzz.Pick(["{\"m\":\"{{other.map0}}\",\"k\":\"x\"}", "{\"m\":\"{{cross.map0}}\",\"k\":\"x\"}", "{\"m\":\"{{me.map0}}\",\"s\":\"{{other.map0.p0}}\",\"k\":\"x\"}", "", "{"])
        from typed in JsonFuzz.Pick(["", "Jane", "Stwo", "%", new string('q', 3000)])
        select ($"{action} block={block} metadata={metadata} typed={typed[..Math.Min(typed.Length, 10)]}", SuggestionJson(action, block, metadata.Length == 0 ? null : metadata, typed));

    private static readonly Gen<(string Label, string Json)> UnknownEvents =
        Gen.OneOf(
            JsonFuzz.Pick(["message", "reaction_added", "member_joined_channel", "app_home_opened", "team_join", "", "APP_MENTION", "app_mention\u0000"])
                .Select(t => ("event " + t, Mention.Replace("\"type\":\"app_mention\"", $"\"type\":\"{t}\"", StringComparison.Ordinal))),
            JsonFuzz.Pick(["app_rate_limited", "url_verification", "unknown_envelope", ""])
                .Select(t => ("envelope " + t, Mention.Replace("\"type\":\"event_callback\"", $"\"type\":\"{t}\"", StringComparison.Ordinal))),
            JsonFuzz.Pick(["{\"type\":\"url_verification\"}", "{\"type\":\"url_verification\",\"challenge\":null}", "{\"type\":\"url_verification\",\"challenge\":{\"a\":1}}", "{\"type\":\"url_verification\",\"challenge\":\"" + new string('c', 30_000) + "\"}",
                "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}", "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":null}", "{\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"event\":{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[]}},\"team_id\":\"T0NOBODY\"}",
                "{\"type\":\"event_callback\",\"event_id\":\"Ev4\",\"team_id\":\"T0NOBODY\",\"event\":{\"type\":\"app_mention\"}}"])
                .Select(j => ("envelope " + j[..Math.Min(j.Length, 60)], j)));
}
