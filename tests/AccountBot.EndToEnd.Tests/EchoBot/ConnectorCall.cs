using System.Net;
using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.EchoBot;

/// <summary>A call the bot made to the Playground's mock connector and its answer; <see cref="Id"/> is the 201 <c>{id}</c>.</summary>
public sealed record ConnectorCall(HttpMethod Method, Uri Address, JsonElement RequestBody, HttpStatusCode StatusCode, string ResponseBody)
{
    public string? Id
    {
        get
        {
            if (string.IsNullOrWhiteSpace(ResponseBody))
                return null;
            using var document = JsonDocument.Parse(ResponseBody);
            return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
    }

    public override string ToString() => $"{Method} {Address} -> {(int)StatusCode} {ResponseBody}";
}
