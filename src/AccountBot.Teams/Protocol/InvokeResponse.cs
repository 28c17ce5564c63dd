using System.Text.Json;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// The HTTP answer to an <c>invoke</c> activity: <see cref="Status"/> becomes the HTTP status and
/// <see cref="Body"/> the JSON body.
/// </summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    /// <summary>HTTP 200 carrying an Adaptive Card action response (card, message or error).</summary>
    public static InvokeResponse FromAdaptiveCardResponse(AdaptiveCardInvokeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        // adaptiveCard/action answers travel as HTTP 200; the outcome is the body's statusCode.
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(response, TeamsJsonContext.Default.AdaptiveCardInvokeResponse));
    }
}
