using System.Text;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using FsCheck;
using FsCheck.Fluent;
using static AccountBot.Host.Tests.Hostile.HostileHost;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>Hostile inputs for <c>POST /api/messages</c>, sent as a user of tenant A with a valid token unless said otherwise.</summary>
internal static class TeamsCorpus
{
    public const string Endpoint = "/api/messages";

    /// <summary>Shows a map: no mutation of it may change data.</summary>
    public static readonly string ShowMessage = Activity("message", text: "map Acme Corp");

    /// <summary>An @mention in a channel thread.</summary>
    public static readonly string ChannelMessage = new JsonObject
    {
        ["type"] = "message",
        ["id"] = "1714986009999",
        ["serviceUrl"] = "{{serviceUrl}}",
        ["channelId"] = ChannelId,
        ["from"] = new JsonObject { ["id"] = "29:user-a", ["name"] = "Ada", ["aadObjectId"] = "aad-user-a" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "AccountBot" },
        ["conversation"] = new JsonObject { ["id"] = "19:deals@thread.tacv2;messageid=1714986009999", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantA },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantA },
            ["channel"] = new JsonObject { ["id"] = "19:deals@thread.tacv2", ["name"] = "deals" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
        },
        ["text"] = "<at>AccountBot</at> map Globex history",
        ["entities"] = new JsonArray { new JsonObject { ["type"] = "mention", ["text"] = "<at>AccountBot</at>", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "AccountBot" } } },
    }.ToJsonString();

    /// <summary>The stakeholder form submitted for a person of the sender's own map: a legitimate edit.</summary>
    public static readonly string SubmitEdit = Activity("message", value: new JsonObject
    {
        ["verb"] = "submitStakeholder",
        ["mapId"] = "{{me.map0}}",
        ["stakeholderId"] = "{{me.map0.p2}}",
        ["submissionId"] = "{{random}}",
        ["name"] = "Max Tay",
        ["title"] = "CFO",
        ["roles"] = "Champion,Signer",
        ["power"] = "4",
        ["interest"] = "3",
        ["stance"] = "Supporter",
        ["reportsTo"] = "{{me.map0.p0}}",
        ["email"] = "max@example.com",
        ["lastContacted"] = "2026-02-01",
    });

    public static IReadOnlyList<HostileCase> All()
    {
        var readOnlySeeds = new[] { ("show", ShowMessage), ("channel", ChannelMessage), ("conversationUpdate", Activity("conversationUpdate")) };
        var cases = new List<HostileCase>();
        foreach (var (name, seed) in readOnlySeeds.Append(("submit", SubmitEdit)))
        {
            var mayChange = name == "submit" ? TeamsA : (WorkspaceKey?)null;
            cases.AddRange(Corpus.Cases("malformed JSON", JsonFuzz.Malformed(seed), 8, b => Body("malformed JSON", name + ": " + b.Label, b.Body, b.Label.StartsWith(JsonFuzz.Tolerated, StringComparison.Ordinal) ? mayChange : null), name));
            // Every field of every seed gets a wrong type at least once.
            cases.AddRange(JsonFuzz.EveryField(seed).SelectMany(field => Corpus.Cases("wrong type", field.Gen, 1, b => Body("wrong type", name + ": " + b.Label, b.Body, mayChange), name + field.Path)));
            cases.AddRange(Corpus.Cases("missing field", JsonFuzz.Missing(seed), 6, b => Body("missing field", name + ": " + b.Label, b.Body, mayChange), name));
            cases.AddRange(Corpus.Cases("deep nesting", JsonFuzz.Deep(seed, 10_000), 2, b => Body("deep nesting", name + ": " + b.Label, b.Body), name));
            cases.AddRange(Corpus.Cases("huge string", JsonFuzz.Huge(seed, 60_000), 2, b => Body("huge string", name + ": " + b.Label, b.Body, mayChange), name));
            cases.AddRange(Corpus.Cases("invalid UTF-8", JsonFuzz.InvalidUtf8Anywhere(seed), 6, b => Body("invalid UTF-8", name + ": " + b.Label, b.Body, mayChange), name));
        }

        cases.AddRange(Oversized());
        cases.AddRange(Corpus.Cases("unknown type", UnknownTypes, 30, a => Body("unknown type", a.Label, Encoding.UTF8.GetBytes(a.Json), notImplemented: a.Invoke)));
        cases.AddRange(Corpus.Cases("command text", Commands, 40, c => Body("command text", c.Text, Encoding.UTF8.GetBytes(Activity("message", text: c.Text)), c.MayChange ? TeamsA : null)));
        cases.AddRange(Corpus.Cases("forged card data", ForgedSubmissions, 90, f => Body("forged card data", f.Label, Encoding.UTF8.GetBytes(Activity("message", value: f.Value)), f.MayChange ? TeamsA : null)));
        cases.AddRange(Authentication());
        return cases;
    }

    /// <summary>An activity of tenant A in a personal chat, with the given type, text or Action.Submit value.</summary>
    public static string Activity(string type, string? text = null, JsonObject? value = null, string? name = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "1714986001123",
            ["timestamp"] = "2026-03-02T09:00:01.000Z",
            ["serviceUrl"] = "{{serviceUrl}}",
            ["channelId"] = ChannelId,
            ["from"] = new JsonObject { ["id"] = "29:user-a", ["name"] = "Ada", ["aadObjectId"] = "aad-user-a" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "AccountBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal-a", ["conversationType"] = "personal", ["tenantId"] = TenantA },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantA } },
            ["locale"] = "en-US",
        };
        if (text is not null)
            activity["text"] = text;
        if (value is not null)
        {
            activity["value"] = value;
            activity["replyToId"] = "1714986002456";
        }

        if (name is not null)
            activity["name"] = name;
        if (type == "conversationUpdate")
            activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId } };
        return activity.ToJsonString();
    }

    private static HostileCase Body(string category, string label, byte[] body, WorkspaceKey? mayChange = null, bool notImplemented = false, string? authorization = "") =>
        new(Endpoint, category, label, TeamsA, host => host.Teams(host.Resolve(body, TeamsA), authorization)) { MayChange = mayChange, NotImplementedIsProtocol = notImplemented };

    private static IEnumerable<HostileCase> Oversized()
    {
        var big = Activity("message", text: new string('A', 300 * 1024));
        yield return Body("body over limit", "text of 300 KB (over Teams:MaxRequestBodyBytes)", Encoding.UTF8.GetBytes(big));
        yield return new(Endpoint, "body over limit", "300 KB sent chunked (no Content-Length)", TeamsA, host =>
        {
            var request = host.Teams([]);
            request.Content = new StreamContent(new MemoryStream(host.Resolve(Encoding.UTF8.GetBytes(big), TeamsA)));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TransferEncodingChunked = true;
            return request;
        });
        yield return new(Endpoint, "body over limit", "2 MB (over the Kestrel limit too)", TeamsA, host => host.Teams(new byte[2 * 1024 * 1024]));
        yield return new(Endpoint, "body over limit", "Content-Length says 10 GB", TeamsA, host => host.Teams([]))
        {
            Raw = host => RawHttp.Request("POST", Endpoint, host.Resolve(Encoding.UTF8.GetBytes(ShowMessage), TeamsA), 10L * 1024 * 1024 * 1024, ("Content-Type", "application/json"), ("Authorization", "Bearer " + host.TeamsToken)),
        };
        yield return new(Endpoint, "body over limit", "Content-Length shorter than the body", TeamsA, host => host.Teams([]))
        {
            Raw = host => RawHttp.Request("POST", Endpoint, host.Resolve(Encoding.UTF8.GetBytes(ShowMessage), TeamsA), 20, ("Content-Type", "application/json"), ("Authorization", "Bearer " + host.TeamsToken)),
        };
        yield return Body("huge string", "255 KB of text (just under the limit)", Encoding.UTF8.GetBytes(Activity("message", text: "map " + new string('x', 250 * 1024))));
        yield return Body("wrong content type", "sent as text/plain", Encoding.UTF8.GetBytes(ShowMessage));
        yield return new(Endpoint, "wrong content type", "sent as a form", TeamsA, host => host.Teams(host.Resolve(Encoding.UTF8.GetBytes(ShowMessage), TeamsA), contentType: "application/x-www-form-urlencoded"));
        yield return new(Endpoint, "wrong content type", "no content type", TeamsA, host => host.Teams(host.Resolve(Encoding.UTF8.GetBytes(ShowMessage), TeamsA), contentType: string.Empty));
    }

    private static IEnumerable<HostileCase> Authentication()
    {
        var show = Encoding.UTF8.GetBytes(ShowMessage);
        foreach (var (label, header) in new[]
        {
            ("no Authorization header", (string?)null), ("empty bearer", "Bearer "), ("not a JWT", "Bearer not-a-token"),
            ("basic auth", "Basic dXNlcjpwYXNz"), ("three parts of junk", "Bearer a.b.c"), ("token twice", "Bearer x Bearer y"),
            ("alg none", "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0."),
            ("huge header", "Bearer " + new string('a', 20_000)),
        })
        {
            yield return Body("authentication", label, show, authorization: header);
        }

        yield return Body("authentication", "serviceUrl other than the token's", Encoding.UTF8.GetBytes(ShowMessage.Replace("{{serviceUrl}}", "https://evil.example/", StringComparison.Ordinal)));
        yield return Body("authentication", "channelId other than msteams", Encoding.UTF8.GetBytes(ShowMessage.Replace("\"msteams\"", "\"slack\"", StringComparison.Ordinal)));
    }

    private static readonly Gen<(string Label, string Json, bool Invoke)> UnknownTypes =
        Gen.OneOf(
            JsonFuzz.Pick(["event", "typing", "messageReaction", "messageUpdate", "messageDelete", "endOfConversation", "handoff", "trace", "deleteUserData", "contactRelationUpdate", "suggestion", "command", "MESSAGE", "Message", " message", "message\u0000", "💬", "x"])
                .Select(t => ("type " + t, Activity(t, text: "map Acme Corp reviewed"), false)),
            JsonFuzz.Pick(["adaptiveCard/action", "task/fetch", "task/submit", "composeExtension/query", "signin/verifyState", "fileConsent/invoke", "actionableMessage/executeAction", "", "unknown/invoke", "ADAPTIVECARD/ACTION"])
                .SelectMany(n => JsonFuzz.Pick<JsonObject?>([null, new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "submitStakeholder", ["data"] = new JsonObject { ["mapId"] = "{{other.map0}}", ["name"] = "Evil" } } }])
                    .Select(v => ("invoke " + n, Activity("invoke", value: v?.DeepClone().AsObject(), name: n), true))),
            JsonFuzz.Pick(["remove", "add-upgrade", "", "ADD"]).Select(a => ("installationUpdate action " + a, Activity("installationUpdate").Replace("\"locale\"", $"\"action\":\"{a}\",\"locale\"", StringComparison.Ordinal), false)));

    /// <summary>Command texts: read-only or in the sender's own workspace (may change it), or naming ids of other maps/workspaces (must not).</summary>
    public static readonly Gen<(string Text, bool MayChange)> Commands =
        Gen.OneOf(
            JsonFuzz.Pick(["map Acme Corp edit id:{{other.map0.p0}}", "map Acme Corp remove id:{{other.map0.p1}}", "map Acme Corp confirm-remove id:{{other.map0.p1}}",
                "map Acme Corp confirm-remove id:{{me.map1.p0}}", "map Acme Corp tag id:{{other.map0.p2}} champion", "map Acme Corp untag id:{{cross.map0.p0}} champion",
                "map Globex edit id:{{me.map0.p0}}", "map {{other.map0}}", "map id:{{other.map0}} reviewed", "map Acme Corp export id:{{other.map0}}",
                "map Acme Corp confirm-remove id:00000000-0000-0000-0000-000000000000", "map Acme Corp remove id:not-a-guid"])
                .Select(t => (t, false)),
            from verb in JsonFuzz.Pick(["", "help", "list", "grid", "onion", "org", "raci", "history", "export", "import", "reviewed", "link", "unlink", "snooze", "settings tz Mars/Olympus", "settings time 25:99", "settings stale -5", "tag Jane champion", "untag Jane nonsense", "add", "edit", "remove"])
            from name in JsonFuzz.Pick(["Acme Corp", "acme   corp", "\"Add Corp\"", "Globex", "\"", "\"\"", "Nowhere", new string('n', 300), "Ünïcödé", "\u202eroc emcA"])
            select ($"map {name} {verb}".Trim(), true),
            JsonFuzz.Pick(["", " ", "map", "/map", "MAP ACME CORP", new string('m', 5000), "map \"unterminated", "map ''", "map \\u0000", "map Acme Corp create partner marketing sales"])
                .Select(t => (t, true)));

    private static Gen<JsonNode?> IdChoice(string mine, params string[] forged) =>
        JsonFuzz.Pick<JsonNode?>([.. new[] { mine }.Concat(forged).Select(v => (JsonNode?)JsonValue.Create(v)), null, JsonValue.Create(42), new JsonObject(), new JsonArray()]);

    /// <summary>
    /// Action.Submit data a client could forge: the stakeholder form or import confirm with a map of another
    /// workspace, a person of another map, an already applied submission id, an import of another workspace.
    /// MayChange is true only when every id is the sender's own (then it is just an edit).
    /// </summary>
    public static readonly Gen<(string Label, JsonObject Value, bool MayChange)> ForgedSubmissions =
        Gen.OneOf(
            from mapId in IdChoice("{{me.map0}}", "{{me.map1}}", "{{other.map0}}", "{{cross.map0}}", "{{random}}", "00000000-0000-0000-0000-000000000000", "garbage", "")
            from personId in IdChoice("{{me.map0.p1}}", "{{me.map1.p0}}", "{{other.map0.p1}}", "{{cross.map0.p1}}", "{{random}}", "x")
            from hasPerson in Gen.Elements(true, false)
            from submissionId in IdChoice("{{random}}", "{{me.applied}}", "{{other.applied}}", "")
            from reportsTo in IdChoice("{{me.map0.p0}}", "{{me.map1.p0}}", "{{other.map0.p0}}", "{{random}}", "not-a-guid")
            from relatedTo in IdChoice("{{me.map0.p0}}", "{{other.map0.p0}}", "{{me.map1.p1}}")
            from name in JsonFuzz.Pick(["Eve Tay", "Jane Tay", "", "   ", new string('e', 3000), "<at>AccountBot</at>", "Eve\u0000Nul"])
            from power in JsonFuzz.Pick(["4", "0", "99", "-1", "abc", "4.5"])
            select Submission(mapId, hasPerson ? personId : null, submissionId, reportsTo, relatedTo, name, power),
            from mapId in IdChoice("{{me.map0}}", "{{me.map1}}", "{{other.map0}}", "{{cross.map0}}", "{{random}}")
            from importId in IdChoice("{{me.import}}", "{{other.import}}", "{{cross.import}}", "{{random}}", "")
            select Import(mapId, importId),
            from verb in JsonFuzz.Pick(["command", "commandFromInput", "previewImport", "cancel", "cancelImport", "unknownVerb", "", "COMMAND"])
            from command in Commands
            select ($"verb {verb}: {command.Text}", new JsonObject { ["verb"] = verb, ["command"] = command.Text, ["prefix"] = "map Acme Corp edit", ["input"] = "person", ["person"] = "id:{{other.map0.p0}}", ["inPlace"] = "true", ["account"] = "Acme Corp", ["csv"] = "Name\nMallory Tay\n" }, false));

    private static (string, JsonObject, bool) Submission(JsonNode? mapId, JsonNode? personId, JsonNode? submissionId, JsonNode? reportsTo, JsonNode? relatedTo, string name, string power)
    {
        string? Id(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var value = new JsonObject
        {
            ["verb"] = "submitStakeholder",
            ["mapId"] = mapId?.DeepClone(),
            ["submissionId"] = submissionId?.DeepClone(),
            ["name"] = name,
            ["power"] = power,
            ["reportsTo"] = reportsTo?.DeepClone(),
            ["relatedTo"] = relatedTo?.DeepClone(),
            ["relationshipKind"] = "Ally",
            ["version"] = "1",
        };
        if (personId is not null)
            value["stakeholderId"] = personId.DeepClone();
        var map = Id(mapId);
        var mine = map is "{{me.map0}}" or "{{me.map1}}";
        var sameMap = (string? id) => id is null || (map == "{{me.map0}}" ? id.StartsWith("{{me.map0.", StringComparison.Ordinal) : id.StartsWith("{{me.map1.", StringComparison.Ordinal));
        var mayChange = mine && (personId is null || sameMap(Id(personId))) && Id(submissionId) == "{{random}}"
            && (reportsTo is not JsonValue || sameMap(Id(reportsTo))) && (relatedTo is not JsonValue || sameMap(Id(relatedTo)));
        return ($"submit map={Id(mapId) ?? mapId?.ToJsonString() ?? "absent"} person={Id(personId) ?? personId?.ToJsonString() ?? "absent"} submission={Id(submissionId) ?? submissionId?.ToJsonString()} reportsTo={Id(reportsTo) ?? reportsTo?.ToJsonString()} relatedTo={Id(relatedTo) ?? relatedTo?.ToJsonString()} name={name[..Math.Min(name.Length, 20)]} power={power}", value, mayChange);
    }

    private static (string, JsonObject, bool) Import(JsonNode? mapId, JsonNode? importId)
    {
        var value = new JsonObject { ["verb"] = "applyImport", ["mapId"] = mapId?.DeepClone(), ["importId"] = importId?.DeepClone() };
        var mayChange = mapId?.ToJsonString() == "\"{{me.map0}}\"" && importId?.ToJsonString() == "\"{{me.import}}\"";
        return ($"applyImport map={mapId?.ToJsonString() ?? "absent"} import={importId?.ToJsonString() ?? "absent"}", value, mayChange);
    }
}
