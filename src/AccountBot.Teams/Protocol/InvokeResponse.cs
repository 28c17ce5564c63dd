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

    /// <summary>HTTP 200 carrying a dialog answer (a card to show, or a line) to a message extension action.</summary>
    public static InvokeResponse FromTaskModuleResponse(TaskModuleResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(response, TeamsJsonContext.Default.TaskModuleResponse));
    }

    /// <summary>
    /// A line telling the person why nothing happened, in the shape the invoke's sender reads: a dialog message for a
    /// message extension (<c>composeExtension/…</c>), an Adaptive Card message for anything else.
    /// </summary>
    public static InvokeResponse Refusal(string? invokeName, string text) =>
        InvokeNames.IsComposeExtension(invokeName)
            ? FromTaskModuleResponse(TaskModuleResponse.Message(text))
            : FromAdaptiveCardResponse(AdaptiveCardInvokeResponse.Message(text));
}
