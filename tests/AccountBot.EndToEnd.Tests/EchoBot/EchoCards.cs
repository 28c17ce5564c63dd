using System.Text.Json.Nodes;

namespace AccountBot.EndToEnd.Tests.EchoBot;

/// <summary>The Adaptive Cards (schema 1.5, the most Teams renders) the test bot sends.</summary>
public static class EchoCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SaveVerb = "save";

    /// <summary>A form titled <see cref="FormTitle"/>: Input.Text <c>name</c>, an Action.Submit with data <c>{"verb":"save"}</c> and an Action.Execute with verb <c>save</c>.</summary>
    public static JsonObject Form(string tag) => Card(
        new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = FormTitle(tag), ["wrap"] = true },
            new JsonObject { ["type"] = "Input.Text", ["id"] = "name", ["label"] = "Name" }),
        new JsonArray(
            new JsonObject { ["type"] = "Action.Submit", ["title"] = "Save", ["data"] = new JsonObject { ["verb"] = SaveVerb } },
            new JsonObject { ["type"] = "Action.Execute", ["title"] = "Save (execute)", ["verb"] = SaveVerb, ["data"] = new JsonObject() }));

    /// <summary>The form's first TextBlock; the tag tells cards sent by different tests apart.</summary>
    public static string FormTitle(string tag) => $"Who is the champion? {tag}".TrimEnd();

    /// <summary>What the form turns into once saved.</summary>
    public static JsonObject Saved(string summary) => Card(
        new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = summary, ["wrap"] = true }),
        new JsonArray());

    public static JsonObject Attachment(JsonObject card) => new() { ["contentType"] = ContentType, ["content"] = card };

    private static JsonObject Card(JsonArray body, JsonArray actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = body,
        ["actions"] = actions,
    };
}
