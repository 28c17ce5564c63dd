using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.EndToEnd.Tests.EchoBot;

/// <summary>
/// A minimal Teams bot on <c>http://127.0.0.1:&lt;free port&gt;/api/messages</c> that proves the harness until
/// the product host exists. It records every inbound activity and every connector call, and answers:
/// message → reply "echo: text" (bot mention removed); "card [tag]" → reply with <see cref="EchoCards.Form"/>;
/// message with <c>value</c> (Action.Submit) → PUT an updated card over <c>replyToId</c>;
/// invoke <c>adaptiveCard/action</c> → 200 with a card invoke response; other invokes → 501.
/// </summary>
public sealed class EchoBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _connector = new() { Timeout = TimeSpan.FromSeconds(30) };
    private volatile bool _rejectAll;

    private EchoBotHost(WebApplication app) => _app = app;

    /// <summary>The messaging endpoint to give the Playground (<c>-e</c>).</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public FrameCollector<ReceivedActivity> Received { get; } = new("bot inbound activities", a => a.ToString());

    public FrameCollector<ConnectorCall> ConnectorCalls { get; } = new("bot connector calls", c => c.ToString());

    /// <summary>When true every inbound request is answered 401, like a bot whose auth rejects the caller.</summary>
    public bool RejectAll
    {
        get => _rejectAll;
        set => _rejectAll = value;
    }

    public static async Task<EchoBotHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new EchoBotHost(app);
        app.MapPost("/api/messages", host.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.Endpoint = new Uri(new Uri(address), "/api/messages");
        return host;
    }

    /// <summary>
    /// A proactive message: <c>POST {serviceUrl}/v3/conversations/{id}/activities</c> with no inbound activity,
    /// using a serviceUrl and conversation id remembered from an earlier one.
    /// </summary>
    public Task<ConnectorCall> SendProactiveAsync(string serviceUrl, string conversationId, string text, CancellationToken cancellationToken) =>
        CallConnectorAsync(HttpMethod.Post, ActivitiesUrl(serviceUrl, conversationId, activityId: null),
            new JsonObject { ["type"] = "message", ["text"] = text }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _connector.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        var activity = new ReceivedActivity(document.RootElement.Clone(), request.Headers.Authorization.FirstOrDefault());
        Received.Add(activity);
        if (RejectAll)
            return Results.Unauthorized();

        switch (activity.Type)
        {
            case "message" when activity.Value is { ValueKind: JsonValueKind.Object } value:
                await UpdateCardAsync(activity, value, cancellationToken);
                return Results.Ok();
            case "message":
                await ReplyAsync(activity, cancellationToken);
                return Results.Ok();
            case "invoke" when activity.Name == "adaptiveCard/action":
                var verb = activity.Value?.GetProperty("action").GetProperty("verb").GetString();
                return Results.Json(new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = EchoCards.ContentType,
                    ["value"] = EchoCards.Saved($"executed {verb}"),
                });
            case "invoke":
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                return Results.Ok();
        }
    }

    private async Task ReplyAsync(ReceivedActivity activity, CancellationToken cancellationToken)
    {
        var text = WithoutBotMention(activity);
        var reply = text == "card" || text.StartsWith("card ", StringComparison.Ordinal)
            ? new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray(EchoCards.Attachment(EchoCards.Form(text[4..].Trim()))) }
            : new JsonObject { ["type"] = "message", ["text"] = "echo: " + text };
        await CallConnectorAsync(HttpMethod.Post, ActivitiesUrl(activity.ServiceUrl!, activity.ConversationId!, activity.Id), reply, cancellationToken);
    }

    private async Task UpdateCardAsync(ReceivedActivity activity, JsonElement value, CancellationToken cancellationToken)
    {
        var name = value.TryGetProperty("name", out var n) ? n.GetString() : null;
        var update = new JsonObject
        {
            ["type"] = "message",
            ["id"] = activity.ReplyToId,
            ["attachments"] = new JsonArray(EchoCards.Attachment(EchoCards.Saved($"saved {name}"))),
        };
        await CallConnectorAsync(HttpMethod.Put, ActivitiesUrl(activity.ServiceUrl!, activity.ConversationId!, activity.ReplyToId), update, cancellationToken);
    }

    private static string WithoutBotMention(ReceivedActivity activity)
    {
        // Teams puts "<at>Bot</at>" into the text of channel messages; the mention entity says which text to cut.
        var text = activity.Text ?? string.Empty;
        var recipient = activity.Activity.GetProperty("recipient").GetProperty("id").GetString();
        if (activity.Activity.TryGetProperty("entities", out var entities))
        {
            foreach (var entity in entities.EnumerateArray())
            {
                if (entity.GetProperty("type").GetString() == "mention"
                    && entity.GetProperty("mentioned").GetProperty("id").GetString() == recipient)
                {
                    text = text.Replace(entity.GetProperty("text").GetString() ?? string.Empty, string.Empty, StringComparison.Ordinal);
                }
            }
        }

        return text.Trim();
    }

    private static Uri ActivitiesUrl(string serviceUrl, string conversationId, string? activityId) =>
        new($"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (activityId is null ? string.Empty : "/" + Uri.EscapeDataString(activityId)));

    private async Task<ConnectorCall> CallConnectorAsync(HttpMethod method, Uri address, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, address) { Content = JsonContent.Create(body, options: PlaygroundJson.Options) };
        using var response = await _connector.SendAsync(request, cancellationToken);
        var call = new ConnectorCall(
            method, address, JsonSerializer.SerializeToElement(body, PlaygroundJson.Options), response.StatusCode,
            await response.Content.ReadAsStringAsync(cancellationToken));
        ConnectorCalls.Add(call);
        return call;
    }
}
