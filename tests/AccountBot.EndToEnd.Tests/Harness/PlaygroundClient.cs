using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// Typed access to the HTTP + WebSocket API the Playground's own web UI uses, so tests can act as the
/// Teams user without a browser.
/// </summary>
public sealed class PlaygroundClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private PlaygroundTestConfig? _config;

    public PlaygroundClient(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _baseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public void Dispose() => _http.Dispose();

    /// <summary><c>GET /_internal/v1/testConfig</c>; cached after the first call (the config cannot change at run time).</summary>
    public async Task<PlaygroundTestConfig> GetTestConfigAsync(CancellationToken cancellationToken)
    {
        if (_config is not null)
            return _config;
        var body = await GetJsonAsync("_internal/v1/testConfig", cancellationToken);
        var config = body.GetProperty("config");
        _config = PlaygroundJson.Parse<PlaygroundTestConfig>(config) with { Raw = config };
        return _config;
    }

    /// <summary>
    /// <c>POST /_debug/conversation/{id}/installation</c> <c>{}</c>: the bot then receives an
    /// <c>installationUpdate</c> (action add) and a <c>conversationUpdate</c> with itself in <c>membersAdded</c>.
    /// </summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken) =>
        await PostAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject(), cancellationToken);

    /// <summary>A message from the current user in the personal chat.</summary>
    public async Task<PlaygroundPostedMessage> SendPersonalMessageAsync(string text, CancellationToken cancellationToken)
    {
        var config = await GetTestConfigAsync(cancellationToken);
        return await SendMessageAsync(config.PersonalChat.Id, text, mentions: null, cancellationToken);
    }

    /// <summary>
    /// A new channel post that @mentions the bot (<c>&lt;at&gt;Bot&lt;/at&gt; text</c> plus a mention entity), the only
    /// kind of channel message Teams delivers to a bot. The bot sees the thread id <see cref="PlaygroundPostedMessage.PostConversationId"/>.
    /// </summary>
    public async Task<PlaygroundPostedMessage> SendChannelMessageAsync(string channelId, string text, CancellationToken cancellationToken)
    {
        var bot = (await GetTestConfigAsync(cancellationToken)).Bot;
        var at = $"<at>{bot.Name}</at>";
        var mentions = new JsonArray(new JsonObject
        {
            ["mentioned"] = new JsonObject { ["id"] = bot.Id, ["name"] = bot.Name },
            ["text"] = at,
        });
        return await SendMessageAsync(channelId, $"{at} {text}", mentions, cancellationToken);
    }

    /// <summary>
    /// <c>POST /_conversation/v1/conversations/{id}/messages</c>. Answers before the bot is called: wait on a
    /// stream for the outcome. The sender is always the configured current user.
    /// </summary>
    public async Task<PlaygroundPostedMessage> SendMessageAsync(
        string conversationId, string text, JsonArray? mentions, CancellationToken cancellationToken)
    {
        var config = await GetTestConfigAsync(cancellationToken);
        var body = new JsonObject
        {
            ["type"] = "text",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = config.CurrentUser.Id },
        };
        if (mentions is not null)
            body["mentions"] = mentions;
        var answer = await PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, cancellationToken);
        return PlaygroundJson.Parse<PlaygroundPostedMessage>(answer);
    }

    /// <summary>
    /// <c>POST /_conversation/v1/submit</c>: an Action.Submit on the card message <paramref name="replyToId"/>
    /// (the id the connector returned for it). <paramref name="value"/> is the action's data merged with the
    /// input values, as a Teams client would send it.
    /// </summary>
    public async Task SubmitAsync(string conversationId, string replyToId, JsonObject value, CancellationToken cancellationToken)
    {
        var config = await GetTestConfigAsync(cancellationToken);
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["value"] = value,
            ["from"] = new JsonObject { ["id"] = config.CurrentUser.Id },
        };
        await PostAsync("_conversation/v1/submit", body, cancellationToken);
    }

    /// <summary>
    /// <c>POST /_conversation/v1/invoke</c> named <c>adaptiveCard/action</c>: an Action.Execute. Unlike the
    /// other calls this one waits for the bot and returns what the Playground makes of the bot's invoke response.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(
        string conversationId, string replyToId, string verb, JsonObject data, CancellationToken cancellationToken)
    {
        var config = await GetTestConfigAsync(cancellationToken);
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["from"] = new JsonObject { ["id"] = config.CurrentUser.Id },
        };
        return await PostAsync("_conversation/v1/invoke", body, cancellationToken);
    }

    /// <summary>
    /// <c>GET /_internal/v1/customActivities/template?conversationId=…[&amp;type=…]</c>: a filled-in activity to
    /// edit and send. Without <paramref name="type"/> it is a skeleton with <c>"type":"&lt;custom-activity-type&gt;"</c>;
    /// types: install, uninstall, userAdded, userRemoved, botAdded, botRemoved, channelCreated, channelRenamed,
    /// channelDeleted, teamRenamed, teamDeleted, …
    /// </summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(string conversationId, string? type, CancellationToken cancellationToken)
    {
        var query = "conversationId=" + Uri.EscapeDataString(conversationId) + (type is null ? string.Empty : "&type=" + Uri.EscapeDataString(type));
        var template = await GetJsonAsync("_internal/v1/customActivities/template?" + query, cancellationToken);
        return JsonNode.Parse(template.GetRawText())?.AsObject() ?? throw new JsonException("Empty template.");
    }

    /// <summary>
    /// <c>POST /_internal/v1/customActivities</c>: forwards <paramref name="activity"/> to the bot as given, from
    /// any sender. Answers 200 before the bot is called.
    /// </summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken) =>
        await PostAsync("_internal/v1/customActivities", activity, cancellationToken);

    /// <summary>What the bot posts, as the chat UI sees it. Dispose it when done.</summary>
    public Task<PlaygroundStream<ConversationFrame>> OpenConversationStreamAsync(CancellationToken cancellationToken) =>
        PlaygroundStream<ConversationFrame>.OpenAsync(
            WebSocketAddress("_ws_conversation/v1/conversations/stream"), ConversationFrame.Parse, f => f.ToString(), cancellationToken);

    /// <summary>Every call to and from the bot with its HTTP status: the only place a bot-side 401/500 shows.</summary>
    public Task<PlaygroundStream<LogFrame>> OpenLogStreamAsync(CancellationToken cancellationToken) =>
        PlaygroundStream<LogFrame>.OpenAsync(WebSocketAddress("_ws/log/stream"), LogFrame.Parse, f => f.ToString(), cancellationToken);

    private Uri WebSocketAddress(string path) =>
        new UriBuilder(new Uri(_baseAddress, path)) { Scheme = _baseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;

    private async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadAsync(response, "GET", path, cancellationToken);
    }

    private async Task<JsonElement> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, PlaygroundJson.Options, cancellationToken);
        return await ReadAsync(response, "POST", path, cancellationToken);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} /{path} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
        if (string.IsNullOrWhiteSpace(text))
            return default;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
