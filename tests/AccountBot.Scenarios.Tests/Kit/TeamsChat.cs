using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Adapters.FollowUps;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>
/// The host on Kestrel validating real Bot Framework tokens (signed by a key published at a local OpenID endpoint)
/// and sending to a <see cref="FakeConnector"/>. Replies are the HTTP answer and the connector calls the activity
/// caused; a form is the last card with inputs. The outsider is a guest of the tenant, as the roster says.
/// </summary>
public sealed class TeamsChat : Chat
{
    private const string AppId = "5a4c3b2a-1111-4222-8333-944455566677";
    private const string GuestId = "29:1GuestUserFromFabrikamAbcDefGhiJkl";
    private const string ElsewhereConversationId = "a:1ElsewhereChatWithTheBotQwErTyUiOpAsDfGh";
    private const string PrivateChannelId = "19:0hush0private0channel0abcdef012345@thread.tacv2";

    /// <summary>The cast: Teams account id, display name, Entra object id (the id AccountBot knows people by).</summary>
    private static readonly Dictionary<Person, (string Id, string Name, string ObjectId)> Cast = new()
    {
        [Person.Me] = (ActivityBuilder.UserId, "Ada Lovelace", "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"),
        [Person.Colleague] = ("29:1BoColleagueFromContosoAbcDefGhiJk", "Bo Colleague", "b0b0b0b0-1111-4222-8333-944455566677"),
        [Person.Admin] = ("29:1InesAdminFromContosoAbcDefGhiJklm", "Ines Admin", "1e5a0000-1111-4222-8333-944455566677"),
    };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-scenarios", Guid.NewGuid().ToString("N"));
    private readonly TestSigningKey _key = new("scenario-key", "msteams");
    private FakeConnector _connector = null!;
    private OpenIdMetadataServer _metadata = null!;
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;
    private string _token = null!;
    private readonly List<JsonNode> _cards = [];

    private TeamsChat()
    {
    }

    public override string Platform => "teams";

    public static async Task<TeamsChat> StartAsync()
    {
        var chat = new TeamsChat { _connector = await FakeConnector.StartAsync(), _metadata = await OpenIdMetadataServer.StartAsync() };
        chat._metadata.Publish(chat._key);
        chat._token = new BotTokenIssuer().Issue(new TestToken { Audience = AppId, ServiceUrl = chat._connector.ServiceUrl, Now = DateTimeOffset.UtcNow }, chat._key);
        chat._connector.SetMember(GuestId, JsonSerializer.Serialize(new { id = GuestId, name = "Gus Guest", tenantId = ActivityBuilder.TenantId, userRole = "guest" }));
        // A mention names the Teams account id only; the roster gives the object id.
        foreach (var (id, name, objectId) in Cast.Values)
            chat._connector.SetMember(id, JsonSerializer.Serialize(new { id, name, aadObjectId = objectId, tenantId = ActivityBuilder.TenantId, userRole = "user" }));
        chat._host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Urls", "http://127.0.0.1:0");
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(chat._folder, "bot.db"));
            web.UseSetting("MicrosoftAppId", AppId);
            web.UseSetting("MicrosoftAppPassword", "not-used-the-token-provider-is-fake");
            web.UseSetting("Teams:OpenIdMetadataUrl", chat._metadata.MetadataUrl);
            web.UseSetting("Teams:ConnectorRetry:MaxRetries", "0");
            web.UseSetting("Reminders:Enabled", "false");
            web.UseSetting("Admins:Teams:0", Cast[Person.Admin].ObjectId);
            web.ConfigureTestServices(services => services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("outbound-token")));
        });
        chat._host.UseKestrel(0);
        chat._host.StartServer();
        chat._client = chat._host.CreateClient();
        return chat;
    }

    protected override Task<Replies> SendAsync(string command, bool outsider)
    {
        var activity = new ActivityBuilder().WithServiceUrl(_connector.ServiceUrl).Message(command);
        if (outsider)
            activity = activity.With(a => a with { From = new ChannelAccount { Id = GuestId, Name = "Gus Guest", AadObjectId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" } });
        return PostAsync(activity.Build());
    }

    protected override Task<Replies> SendAsync(string command, Person person, Place place)
    {
        var (id, name, objectId) = Cast[person];
        var mentions = Cast.Values
            .Where(c => command.Contains($"<at>{c.Name}</at>", StringComparison.Ordinal))
            .Select(c => new Entity { Type = Entity.MentionType, Text = $"<at>{c.Name}</at>", Mentioned = new ChannelAccount { Id = c.Id, Name = c.Name } })
            .ToList();
        var activity = new ActivityBuilder().WithServiceUrl(_connector.ServiceUrl).Message(command).With(a => a with
        {
            From = new ChannelAccount { Id = id, Name = name, AadObjectId = objectId },
            Entities = mentions,
        });
        if (place == Place.Elsewhere)
            activity = activity.With(a => a with { Conversation = a.Conversation! with { Id = ElsewhereConversationId } });
        if (place == Place.PrivateChannel)
        {
            var bot = $"<at>{ActivityBuilder.BotName}</at>";
            activity = activity.With(a => a with
            {
                Text = bot + " " + command,
                Conversation = new ConversationAccount { Id = PrivateChannelId, ConversationType = "channel", IsGroup = true, TenantId = ActivityBuilder.TenantId },
                Entities = [.. mentions, new Entity { Type = Entity.MentionType, Text = bot, Mentioned = new ChannelAccount { Id = ActivityBuilder.BotId, Name = ActivityBuilder.BotName } }],
                ChannelData = new TeamsChannelData
                {
                    Tenant = new TenantInfo { Id = ActivityBuilder.TenantId },
                    Channel = new ChannelInfo { Id = PrivateChannelId, Name = "hush", Type = ChannelTypes.Private },
                    Team = new TeamInfo { Id = "19:f0e1d2c3b4a5968778695a4b3c2d1e0f@thread.tacv2" },
                },
            });
        }

        return PostAsync(activity.Build());
    }

    protected override Task<Replies> OpenHomeAsync() => SendAsync("map mine", Person.Me, Place.Here);

    public override string Mention(Person person) => $"<at>{Cast[person].Name}</at>";

    public override string NameOf(Person person) => Cast[person].Name;

    public override string UserId(Person person) => Cast[person].ObjectId;

    protected override Task<Replies> PressAsync(string label)
    {
        var action = _cards.AsEnumerable().Reverse().SelectMany(Actions)
            .FirstOrDefault(a => a["type"]?.GetValue<string>() == "Action.Submit" && a["title"]?.GetValue<string>() == label && a["data"] is JsonObject)
            ?? throw new InvalidOperationException($"No button \"{label}\" on the cards seen so far.");
        return PostAsync(new ActivityBuilder().WithServiceUrl(_connector.ServiceUrl).Submit(action["data"]!.ToJsonString(), replyToId: "map-card").Build());
    }

    protected override Task<Replies> SubmitAsync(ShownForm form, IReadOnlyDictionary<string, string> fields)
    {
        var data = new JsonObject();
        var submit = Actions(form.Json).First(a => a["type"]?.GetValue<string>() is "Action.Submit" or "Action.Execute" && a["data"] is JsonObject);
        foreach (var (key, value) in submit["data"]!.AsObject())
            data[key] = value?.DeepClone();
        foreach (var input in Inputs(form.Json))
        {
            var id = input["id"]!.GetValue<string>();
            var value = fields.TryGetValue(id, out var given) ? given : input["value"]?.ToString();
            if (value is not null)
                data[id] = value;
        }

        return PostAsync(new ActivityBuilder().WithServiceUrl(_connector.ServiceUrl).Submit(data.ToJsonString(), replyToId: "form-card").Build());
    }

    protected override Task<Replies> MoreDetailsAsync(ShownForm form, IReadOnlyDictionary<string, string> typed)
    {
        // The toggle works in the client: the card keeps what was typed and shows its target elements.
        var card = form.Json.DeepClone();
        var toggle = Actions(card).FirstOrDefault(a => a["type"]?.GetValue<string>() == "Action.ToggleVisibility" && a["title"]?.GetValue<string>() == "More details")
            ?? throw new InvalidOperationException("The card has no \"More details\" toggle.");
        foreach (var input in Inputs(card))
        {
            if (typed.TryGetValue(input["id"]!.GetValue<string>(), out var value))
                input["value"] = value;
        }

        var targets = toggle["targetElements"]!.AsArray().Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var element in Descendants(card).Where(e => e["id"]?.GetValue<string>() is { } id && targets.Contains(id)))
            element["isVisible"] = true;
        Form = new ShownForm(card);
        return Task.FromResult(new Replies(Platform, VisibleText.Of(card)));
    }

    public override IReadOnlyList<string> ShownInputs() => Form is null ? [] : [.. VisibleInputs(Form.Json).Select(i => i["id"]!.GetValue<string>())];

    /// <summary>The inputs not inside an element the card hides (<c>isVisible: false</c>).</summary>
    private static IEnumerable<JsonObject> VisibleInputs(JsonNode? node) => node switch
    {
        JsonObject obj when obj["isVisible"]?.GetValue<bool>() == false => [],
        JsonObject obj when obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && obj["id"] is not null => [obj],
        JsonObject obj => obj.Where(p => p.Key != "actions").SelectMany(p => VisibleInputs(p.Value)),
        JsonArray array => array.SelectMany(VisibleInputs),
        _ => [],
    };

    private async Task<Replies> PostAsync(Activity activity)
    {
        using var patience = new CancellationTokenSource(Patience);
        var before = _connector.Requests.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _client.SendAsync(request, patience.Token);
        var answer = await response.Content.ReadAsStringAsync(patience.Token);
        await _host.Services.GetRequiredService<FollowUpQueue>().WhenIdleAsync(patience.Token);

        var lines = new List<string>();
        if (answer.TrimStart().StartsWith('{'))
            lines.AddRange(VisibleText.Of(JsonNode.Parse(answer)));
        foreach (var sent in _connector.Requests.Skip(before).Where(r => r.Body.TrimStart().StartsWith('{')))
        {
            var body = JsonNode.Parse(sent.Body);
            foreach (var card in body?["attachments"]?.AsArray().Select(a => a?["content"]).OfType<JsonNode>() ?? [])
            {
                if (Inputs(card).Any())
                    Form = new ShownForm(card);
                _cards.Add(card);
            }

            lines.AddRange(VisibleText.Of(body));
        }

        return new Replies(Platform, lines);
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode card) =>
        Descendants(card).Where(n => n["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && n["id"] is not null);

    private static IEnumerable<JsonObject> Actions(JsonNode card) =>
        Descendants(card).Where(n => n["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal));

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var found in Descendants(child))
                        yield return found;
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var found in Descendants(item))
                        yield return found;
                }

                break;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _metadata.DisposeAsync();
        _key.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
