using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.EchoBot;

/// <summary>An activity exactly as the Playground POSTed it to the bot, with the Authorization header if any.</summary>
public sealed record ReceivedActivity(JsonElement Activity, string? Authorization)
{
    public string Type => String("type") ?? string.Empty;
    public string? Name => String("name");
    public string? Id => String("id");
    public string? Text => String("text");
    public string? ReplyToId => String("replyToId");
    public string? ServiceUrl => String("serviceUrl");
    public string? ConversationId =>
        Activity.TryGetProperty("conversation", out var c) && c.TryGetProperty("id", out var id) ? id.GetString() : null;
    public JsonElement? Value => Activity.TryGetProperty("value", out var v) ? v : null;

    public override string ToString() => $"{Type}{(Name is null ? string.Empty : " " + Name)}: {Harness.PlaygroundJson.Short(Activity, 300)}";

    private string? String(string property) =>
        Activity.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
