using System.Text.Json;
using AccountBot.Teams.Cards;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// The body of an answer to <c>adaptiveCard/action</c>: a card that replaces the clicked one, a
/// message Teams shows briefly, or an error.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary><c>{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":card}</c>: replaces the card.</summary>
    public static AdaptiveCardInvokeResponse Card(AdaptiveCard card) =>
        new(200, CardType, JsonSerializer.SerializeToElement(card, TeamsJsonContext.Default.AdaptiveCard));

    /// <summary><c>{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":text}</c>.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new(200, MessageType, JsonSerializer.SerializeToElement(text, TeamsJsonContext.Default.String));

    /// <summary><c>{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code","message"}}</c>.</summary>
    public static AdaptiveCardInvokeResponse Error(string code, string message, int statusCode = 400) =>
        new(statusCode, ErrorType, JsonSerializer.SerializeToElement(new InvokeError(code, message), TeamsJsonContext.Default.InvokeError));
}
