using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Core.Views;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using static AccountBot.Teams.Tests.Rendering.HostileText;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>
/// User and file text in cards is shown literally (issue #12 §4): Teams reads TextBlock text, fact
/// titles and values as markdown, so a map named <c>[Re-login](https://evil…)</c> would be a live link.
/// </summary>
public sealed class LiteralTextTests
{
    private readonly TeamsCardRenderer _renderer = new();

    [Fact]
    public void Render_MapWithMarkdownTexts_ShowsEveryTextLiterallyInTextRuns()
    {
        var card = Card(HostileViews.Map());

        AssertShownLiterally(card, MapName, PersonName, Title, NextStep, OwnerName);
    }

    [Fact]
    public void Render_MapWithMarkdownPersonName_KeepsTheBotsBoldAsARunStyle()
    {
        var runs = Runs(Card(HostileViews.Map()));

        var name = Assert.Single(runs, r => r["text"]!.GetValue<string>() == PersonName);
        Assert.Equal("Bolder", name["weight"]!.GetValue<string>());
        Assert.Contains(runs, r => r["text"]!.GetValue<string>() == MapName && r["size"]?.GetValue<string>() == "Large");
    }

    [Fact]
    public void Render_FormWithMarkdownValuesAndErrors_ErrorsAreLiteralAndValuesStayInInputs()
    {
        var card = Card(HostileViews.Form());

        AssertShownLiterally(card, "Edit " + PersonName, "Could not save " + PersonName + ".", "\"" + NextStep + "\" is not an e-mail address.");
        // Notes sit behind "More details": in the container the toggle shows, inside the same card.
        var body = card["body"]!.AsArray().SelectMany(e => e!["type"]!.GetValue<string>() == "Container" ? e["items"]!.AsArray() : new JsonNode?[] { e }.AsEnumerable()).ToList();
        Assert.Equal(Notes, body.Single(e => e!["id"]?.GetValue<string>() == StakeholderFields.Notes)!["value"]!.GetValue<string>());
        Assert.Equal(Title, body.Single(e => e!["id"]?.GetValue<string>() == StakeholderFields.Title)!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ImportPreviewWithMarkdownCells_ShowsCellsLiterally()
    {
        var card = Card(HostileViews.ImportPreview());

        AssertShownLiterally(card, "Import into " + MapName + ": preview", PersonName, Title + " · power 4", OwnerName, NextStep,
            "Reports To \"" + PersonName + "\" is neither on the map nor in this file.", "Ignored columns: " + MapName + ", " + NextStep);
        Assert.Contains(Runs(card), r => r["text"]!.GetValue<string>() == PersonName && r["weight"]?.GetValue<string>() == "Bolder");
    }

    [Fact]
    public void Render_ImportFormErrorQuotingCells_ErrorIsLiteral()
    {
        var view = (ImportFormView)View("hostile-import-form");

        AssertShownLiterally(Card(view), view.Error!);
    }

    [Fact]
    public void Render_DigestWithMarkdownMapAndOwnerNames_ShowsThemLiterallyAndMentionsNobodyByMarkup()
    {
        var message = _renderer.RenderMessage(View("hostile-digest"));
        var card = JsonNode.Parse(message.Attachments![0].Content!.Value.GetRawText())!;

        AssertShownLiterally(card, MapName, OwnerName, "no champion; " + NextStep);
        Assert.Null(message.Entities);
    }

    [Fact]
    public void Render_DigestWithPlainOwnerName_StillMentionsTheOwner()
    {
        var message = _renderer.RenderMessage(SampleViews.Digest(1));
        var card = JsonNode.Parse(message.Attachments![0].Content!.Value.GetRawText())!;

        var mention = Assert.Single(message.Entities!);
        Assert.Equal("<at>Owner 1</at>", mention.Text);
        Assert.Contains(MarkdownTexts(card), t => t.Contains("<at>Owner 1</at>", StringComparison.Ordinal));
        AssertShownLiterally(card, "Account 1");
    }

    [Theory]
    [InlineData("hostile-list", new[] { MapName, OwnerName })]
    [InlineData("hostile-history", new[] { "History of " + MapName, "Added " + PersonName + " (" + Title + ")", OwnerName })]
    [InlineData("hostile-settings", new[] { "Reminders in " + OwnerName, "Linked " + MapName + ".", MapName + ", " + NextStep, PersonName })]
    [InlineData("hostile-not-found", new[] { MapName })]
    [InlineData("hostile-person-choice", new[] { "Several people match \"" + PersonName + "\":" })]
    [InlineData("hostile-confirm-remove", new[] { PersonName, MapName })]
    [InlineData("hostile-picture", new[] { MapName, Title, PersonName + " (4/5)", NextStep })]
    [InlineData("hostile-notice", new[] { "I don't know the setting \"" + PersonName + "\".", "map " + MapName + " settings" })]
    [InlineData("hostile-export", new[] { MapName, "`code`.csv" })]
    public void Render_SmallerViewsWithMarkdownTexts_ShowThemLiterally(string name, string[] texts)
    {
        AssertShownLiterally(Card(View(name)), texts);
    }

    [Fact]
    public void Render_EveryView_UsesNoMarkdownElementForUserText()
    {
        foreach (var (name, view) in SampleViews.All())
        {
            var card = Card(view);
            Assert.True(MarkdownTexts(card).All(t => !t.Contains(MapName, StringComparison.Ordinal)), name);
            AssertNoMarkdownCarriesUserText(card);
        }
    }

    private JsonNode Card(Reply view) =>
        JsonNode.Parse(JsonSerializer.Serialize(_renderer.Render(view, SampleViews.Ana), TeamsJsonContext.Default.AdaptiveCard))!;

    private static Reply View(string name) => HostileViews.All().Single(v => v.Name == name).View;

    private static List<JsonNode> Runs(JsonNode card) =>
        [.. card["body"]!.AsArray().SelectMany(Descendants).Where(n => n["type"]?.GetValue<string>() == "TextRun")];

    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
