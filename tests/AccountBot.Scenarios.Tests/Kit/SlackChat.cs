using System.Text.Json.Nodes;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Installations;
using AccountBot.Testing.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AccountBot.Testing.Slack.SlackPayloads;

namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>
/// The host on Kestrel with Slack's signed requests (<c>/slack/commands</c>, <c>/slack/interactivity</c>) and its Web API
/// at a <see cref="FakeSlackApi"/>. Replies are the ack's body and the response_url, chat.* and views.* calls the
/// request caused. The workspace T0ACME has installed the app; T0FOREIGN (the outsider's) has not.
/// </summary>
public sealed class SlackChat : Chat
{
    private const string SigningSecret = "scenario-signing-secret-0123456789";
    private const string OutsiderTeam = "T0FOREIGN";
    private const string PrivateChannelId = "G0HUSH";

    /// <summary>The cast: user id and the name Slack sends (<c>user_name</c>, the handle a mention carries).</summary>
    private static readonly Dictionary<Person, (string Id, string Name)> Cast = new()
    {
        [Person.Me] = ("U0ANA", "ana"),
        [Person.Colleague] = ("U0BO", "bo"),
        [Person.Admin] = ("U0ADA", "ada"),
    };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> Seen = new(StringComparer.Ordinal)
    {
        "response_url", "chat.postMessage", "chat.postEphemeral", "chat.update", "views.open", "views.update", "views.push", "views.publish",
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-scenarios", Guid.NewGuid().ToString("N"));
    private readonly SlackRequestSigner _signer = new(SigningSecret, TimeProvider.System);
    private FakeSlackApi _api = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;
    private int _requests;
    private readonly List<JsonNode> _messages = [];

    private SlackChat()
    {
    }

    public override string Platform => "slack";

    public static async Task<SlackChat> StartAsync()
    {
        var chat = new SlackChat { _api = await FakeSlackApi.StartAsync() };
        chat._host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Urls", "http://127.0.0.1:0");
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(chat._folder, "bot.db"));
            web.UseSetting("Slack:SigningSecret", SigningSecret);
            web.UseSetting("Slack:ClientId", "1234.5678");
            web.UseSetting("Slack:ClientSecret", "client-secret");
            web.UseSetting("Slack:RedirectUri", "https://bot.example/slack/oauth/callback");
            web.UseSetting("Slack:ApiBaseUrl", chat._api.ApiBaseUrl.AbsoluteUri);
            web.UseSetting("Reminders:Enabled", "false");
            web.UseSetting("Admins:Slack:0", Cast[Person.Admin].Id);
        });
        // Slack says which channel is private when asked before a create.
        chat._api.Responder = call => call.Method == "conversations.info" && call.Form.GetValueOrDefault("channel") == PrivateChannelId
            ? FakeSlackReply.OkJson("""{"ok":true,"channel":{"id":"G0HUSH","is_private":true}}""")
            : null;
        chat._host.UseKestrel(0);
        chat._host.StartServer();
        chat._client = chat._host.CreateClient();
        await chat._host.Services.GetRequiredService<ISlackInstallationStore>()
            .SaveAsync(new SlackInstallation { TeamId = "T0ACME", BotToken = "xoxb-acme", BotUserId = "U0BOT" }, CancellationToken.None);
        return chat;
    }

    protected override Task<Replies> SendAsync(string command, bool outsider)
    {
        var text = command.StartsWith("map ", StringComparison.Ordinal) ? command["map ".Length..] : command;
        var id = Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = Command(text, team: outsider ? OutsiderTeam : "T0ACME", responseUrl: _api.ResponseUrl(id), triggerId: "trigger-" + id);
        return ExchangeAsync(() => _signer.CreateFormRequest("/slack/commands", fields));
    }

    protected override Task<Replies> SendAsync(string command, Person person, Place place)
    {
        var text = command.StartsWith("map ", StringComparison.Ordinal) ? command["map ".Length..] : command;
        var id = Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var channel = place switch { Place.Elsewhere => "C0ELSE", Place.PrivateChannel => PrivateChannelId, _ => "C0DEALS" };
        var (user, name) = Cast[person];
        var fields = Command(text, user: user, channel: channel, responseUrl: _api.ResponseUrl(id), triggerId: "trigger-" + id)
            .Select(f => f.Key == "user_name" ? new KeyValuePair<string, string>(f.Key, name) : f)
            .ToList();
        return ExchangeAsync(() => _signer.CreateFormRequest("/slack/commands", fields));
    }

    protected override Task<Replies> OpenHomeAsync()
    {
        var id = Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var envelope = JsonNode.Parse(AppMention("home", "Ev0HOME" + id))!;
        envelope["event"] = new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = Cast[Person.Me].Id, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1700000000.000300",
        };
        return ExchangeAsync(() => _signer.CreateJsonRequest("/slack/events", envelope.ToJsonString()));
    }

    public override string Mention(Person person) => $"<@{Cast[person].Id}|{Cast[person].Name}>";

    public override string NameOf(Person person) => Cast[person].Name;

    public override string UserId(Person person) => Cast[person].Id;

    protected override Task<Replies> PressAsync(string label)
    {
        var button = _messages.AsEnumerable().Reverse()
            .SelectMany(m => m["blocks"]?.AsArray() ?? [])
            .SelectMany(b => b?["elements"]?.AsArray() ?? (b?["accessory"] is { } accessory ? [accessory.DeepClone()] : []))
            .FirstOrDefault(e => e?["type"]?.GetValue<string>() == "button" && e["text"]?["text"]?.GetValue<string>() == label)
            ?? throw new InvalidOperationException($"No button \"{label}\" in the messages seen so far.");
        var id = Interlocked.Increment(ref _requests).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = BlockAction(button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>(), responseUrl: _api.ResponseUrl(id), triggerId: "trigger-" + id, ephemeral: false);
        return ExchangeAsync(() => _signer.CreateInteractionRequest("/slack/interactivity", payload));
    }

    protected override Task<Replies> SubmitAsync(ShownForm form, IReadOnlyDictionary<string, string> fields)
    {
        var view = form.Json;
        var payload = ViewSubmission(view["callback_id"]!.GetValue<string>(), view["private_metadata"]!.GetValue<string>(), StateValues(view, fields));
        return ExchangeAsync(() => _signer.CreateInteractionRequest("/slack/interactivity", payload));
    }

    protected override Task<Replies> MoreDetailsAsync(ShownForm form, IReadOnlyDictionary<string, string> typed)
    {
        var view = form.Json;
        var button = view["blocks"]!.AsArray().Where(b => b?["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).FirstOrDefault(e => e?["text"]?["text"]?.GetValue<string>() == "More details")
            ?? throw new InvalidOperationException("The modal has no \"More details\" button.");
        var payload = ViewBlockAction(
            button["action_id"]!.GetValue<string>(), view["callback_id"]!.GetValue<string>(), view["private_metadata"]!.GetValue<string>(), StateValues(view, typed));
        return ExchangeAsync(() => _signer.CreateInteractionRequest("/slack/interactivity", payload));
    }

    public override IReadOnlyList<string> ShownInputs() =>
        [.. (Form?.Json["blocks"]?.AsArray() ?? []).Where(b => b?["type"]?.GetValue<string>() == "input").Select(b => b!["block_id"]!.GetValue<string>())];

    /// <summary>The view's inputs' state as Slack sends it (in view_submission and block_actions).</summary>
    private static Dictionary<string, JsonObject> StateValues(JsonNode view, IReadOnlyDictionary<string, string> fields)
    {
        var values = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var block in view["blocks"]!.AsArray())
        {
            if (block?["type"]?.GetValue<string>() != "input" || block["block_id"]?.GetValue<string>() is not { } blockId)
                continue;
            var element = block["element"]!;
            var value = fields.TryGetValue(blockId, out var given) ? given : null;
            if (StateOf(element, value) is { } state)
                values[blockId] = state;
        }

        return values;
    }

    /// <summary>An input's state as Slack sends it: the value typed or picked, else what the view showed at first.</summary>
    private static JsonObject? StateOf(JsonNode element, string? value)
    {
        switch (element["type"]!.GetValue<string>())
        {
            case "plain_text_input" or "email_text_input" or "url_text_input" or "number_input":
                var state = Text(value ?? element["initial_value"]?.GetValue<string>());
                state["type"] = element["type"]!.GetValue<string>();
                return state;
            case "datepicker":
                return Date(value ?? element["initial_date"]?.GetValue<string>());
            case "multi_static_select":
                var picked = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ?? element["initial_options"]?.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToArray() ?? [];
                return MultiSelected(picked);
            case "static_select" or "external_select":
                var one = value ?? element["initial_option"]?["value"]?.GetValue<string>();
                return one is null ? new JsonObject { ["type"] = element["type"]!.GetValue<string>(), ["selected_option"] = null } : Selected(one);
            case "users_select":
                return new JsonObject { ["type"] = "users_select", ["selected_user"] = value ?? element["initial_user"]?.GetValue<string>() };
            default:
                return null;
        }
    }

    private async Task<Replies> ExchangeAsync(Func<HttpRequestMessage> create)
    {
        using var patience = new CancellationTokenSource(Patience);
        var before = _api.Calls.Count;
        using var request = create();
        using var response = await _client.SendAsync(request, patience.Token);
        var ack = await response.Content.ReadAsStringAsync(patience.Token);
        await _host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);

        var lines = new List<string>();
        if (ack.Length > 0 && ack.TrimStart().StartsWith('{'))
        {
            var answer = JsonNode.Parse(ack);
            if (answer is not null)
                _messages.Add(answer);
            lines.AddRange(VisibleText.Of(answer));
            // A view_submission refused: the messages stand under their inputs, keyed by block id.
            if (answer?["errors"] is JsonObject errors)
                lines.AddRange(errors.Select(e => e.Value!.GetValue<string>()));
        }
        else if (ack.Length > 0)
            lines.Add(ack);
        foreach (var call in _api.Calls.Skip(before).Where(c => Seen.Contains(c.Method)))
        {
            var body = JsonNode.Parse(call.Body);
            if (call.Method is "views.open" or "views.update" or "views.push" && body?["view"] is { } view)
                Form = new ShownForm(view);
            else if (call.Method == "views.publish" && body?["view"] is { } home)
                _messages.Add(home); // the App Home: its buttons can be pressed like a message's
            else if (body is not null)
                _messages.Add(body);
            lines.AddRange(VisibleText.Of(body));
        }

        return new Replies(Platform, lines);
    }

    public override async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
