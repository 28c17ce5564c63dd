using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using Xunit.Abstractions;

namespace AccountBot.Teams.Tests.Rendering;

public sealed class TeamsCardRendererTests(ITestOutputHelper output)
{
    private readonly TeamsCardRenderer _renderer = new();

    [Fact]
    public void RenderMessage_KeyedMapView_DrawnOnceAndReused_SameContentAsAFreshDraw()
    {
        var view = SampleViews.SmallMap() with { CacheKey = new RenderedOutputCache(TimeProvider.System).KeyOf(SampleViews.MapId, 1, ViewKinds.MapCard, null) };

        var first = _renderer.RenderMessage(view, SampleViews.Ana);
        var again = _renderer.RenderMessage(view, null);
        var fresh = new TeamsCardRenderer().RenderMessage(view with { }, SampleViews.Ana);

        Assert.Same(first, again);
        Assert.NotSame(first, fresh);
        Assert.Equal(
            JsonSerializer.Serialize(fresh, TeamsJsonContext.Default.Activity),
            JsonSerializer.Serialize(first, TeamsJsonContext.Default.Activity));
    }

    [Fact]
    public void RenderMessage_AViewWithAPerUserField_IsNeverServedToAnotherUser()
    {
        var cache = new RenderedOutputCache(TimeProvider.System);
        var renderer = new TeamsCardRenderer(cache, new StakeholderFormRenderer(), new DigestCardRenderer(), new ViewCardRenderer(), new CsvCardRenderer());
        var view = SampleViews.SmallMap();

        // A field for one user (here the notice line) makes the view per user: its key names the viewer.
        MapView For(UserRef user) =>
            view with { Notice = "Your next step, " + user.Id, CacheKey = cache.KeyOf(view.MapId, view.Version, "map-card-per-user", user.Id) };
        var ben = new UserRef("29:ben", "Ben Buyer");
        var forAna = JsonSerializer.Serialize(renderer.RenderMessage(For(SampleViews.Ana), SampleViews.Ana), TeamsJsonContext.Default.Activity);
        var forBen = JsonSerializer.Serialize(renderer.RenderMessage(For(ben), ben), TeamsJsonContext.Default.Activity);

        Assert.Contains("Your next step, " + SampleViews.Ana.Id, forAna, StringComparison.Ordinal);
        Assert.Contains("Your next step, 29:ben", forBen, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleViews.Ana.Id, forBen, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_UnkeyedView_IsDrawnEachTime()
    {
        var view = SampleViews.SmallMap();

        Assert.NotSame(_renderer.RenderMessage(view), _renderer.RenderMessage(view));
    }

    [Fact]
    public void Render_MapView_GapsComeBeforePeopleInAttentionColour()
    {
        var body = Body(_renderer.Render(SampleViews.SmallMap()));

        var gaps = body.FindIndex(e => e["type"]!.GetValue<string>() == "Container" && e["style"]?.GetValue<string>() == "Attention");
        var firstGroup = body.FindIndex(e => Text(e) == "Champion (1)");
        Assert.InRange(gaps, 0, firstGroup - 1);
        Assert.Contains("No signer", body[gaps].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MapView_ShowsPersonDetailsReviewAndButtons()
    {
        var json = Json(_renderer.Render(SampleViews.SmallMap()));

        Assert.Contains("{\"type\":\"TextRun\",\"text\":\"Jane Doe\",\"weight\":\"Bolder\"},{\"type\":\"TextRun\",\"text\":\" — VP Finance\"}", json, StringComparison.Ordinal);
        Assert.Contains("Manage closely (power 4, interest 5) · supporter · owner Ana Rep (strong)", json, StringComparison.Ordinal);
        Assert.Contains("Last reviewed by Ben Sales, 20 Feb 2026", json, StringComparison.Ordinal);
        foreach (var command in new[] { "map Acme Corp add", "map Acme Corp reviewed", "map Acme Corp history", "map Acme Corp grid", "map Acme Corp onion", "map Acme Corp org", "map Acme Corp raci" })
            Assert.Contains($"\"command\":\"{command}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"prefix\":\"map Acme Corp edit\"", json, StringComparison.Ordinal);
        Assert.Contains("id:" + SampleViews.JaneId.ToString("N"), json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FormWithErrors_ErrorSitsUnderItsFieldAndInputIsKept()
    {
        var body = FormElements(_renderer.Render(SampleViews.FormWithErrors(), SampleViews.Ana));

        var email = body.FindIndex(e => e["id"]?.GetValue<string>() == StakeholderFields.Email);
        Assert.Equal("jane.doe(at)acme", body[email]["value"]!.GetValue<string>());
        Assert.Null(body[email]["errorMessage"]);
        Assert.Equal("emailError", body[email + 1]["id"]!.GetValue<string>());
        Assert.Equal("E-mail must look like name@example.com.", Text(body[email + 1]));
        Assert.Equal("Attention", body[email + 1]["inlines"]![0]!["color"]!.GetValue<string>());
        var name = body.Single(e => e["id"]?.GetValue<string>() == StakeholderFields.Name);
        Assert.True(name["isRequired"]!.GetValue<bool>());
        Assert.Equal(Limits.Name, name["maxLength"]!.GetValue<int>());
        var roles = body.Single(e => e["id"]?.GetValue<string>() == StakeholderFields.Roles);
        Assert.Equal("Champion,Influencer", roles["value"]!.GetValue<string>());
        Assert.Equal(SampleViews.Ana.Id, body.Single(e => e["id"]?.GetValue<string>() == StakeholderFields.RelationshipOwner)["value"]!.GetValue<string>());
    }

    [Fact]
    public void Render_Form_HasEveryFieldAsAnInput()
    {
        var ids = FormElements(_renderer.Render(SampleViews.FormWithErrors(), SampleViews.Ana)).Select(e => e["id"]?.GetValue<string>()).ToHashSet();

        string[] fields =
        [
            StakeholderFields.Name, StakeholderFields.Title, StakeholderFields.Department, StakeholderFields.Email, StakeholderFields.ProfileUrl,
            StakeholderFields.ReportsTo, StakeholderFields.Roles, StakeholderFields.Power, StakeholderFields.Interest, StakeholderFields.Stance,
            StakeholderFields.Raci, StakeholderFields.RelationshipOwner, StakeholderFields.Strength, StakeholderFields.LastContacted,
            StakeholderFields.NextStep, StakeholderFields.NextStepDue, StakeholderFields.Notes, StakeholderFields.Status,
            StakeholderFields.RelatedTo, StakeholderFields.RelationshipKind, StakeholderFields.RelationshipNote,
        ];
        Assert.All(fields, f => Assert.Contains(f, ids));
    }

    [Fact]
    public void Render_Form_ShortFormFirstAndTheRestHiddenBehindMoreDetailsInTheSameCard()
    {
        var body = Body(_renderer.Render(SampleViews.EmptyForm(3), SampleViews.Ana));

        var shown = body.Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal)).Select(e => e["id"]!.GetValue<string>());
        Assert.Equal(StakeholderFormSchema.Schema.ShortFields.Select(f => f.Id), shown);
        var toggle = body.Single(e => e["type"]!.GetValue<string>() == "ActionSet")["actions"]![0]!;
        Assert.Equal(("Action.ToggleVisibility", "More details"), (toggle["type"]!.GetValue<string>(), toggle["title"]!.GetValue<string>()));
        Assert.Equal(StakeholderFormRenderer.DetailsId, toggle["targetElements"]![0]!.GetValue<string>());
        var details = body.Single(e => e["id"]?.GetValue<string>() == StakeholderFormRenderer.DetailsId);
        Assert.False(details["isVisible"]!.GetValue<bool>());
        var hidden = details["items"]!.AsArray().Where(e => e!["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal)).Select(e => e!["id"]!.GetValue<string>());
        Assert.Subset(hidden.ToHashSet(), StakeholderFormSchema.Schema.DetailFields.Select(f => f.Id).Where(f => f is not StakeholderFields.RelationshipOwner).ToHashSet());
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void Render_Form_DetailsShownWhenExpandedOrOneOfThemHasAnError(bool expanded, bool detailError, bool visible)
    {
        var form = SampleViews.EmptyForm(3) with { Expanded = expanded };
        if (detailError)
            form = form with { Errors = new Dictionary<string, string> { [StakeholderFields.Email] = "E-mail must look like name@example.com." } };

        var details = Body(_renderer.Render(form, SampleViews.Ana)).Single(e => e["id"]?.GetValue<string>() == StakeholderFormRenderer.DetailsId);

        Assert.Equal(visible, details["isVisible"] is null);
    }

    [Fact]
    public void Render_FormSubmit_CarriesMapSubmissionAndVerb()
    {
        var card = _renderer.Render(SampleViews.FormWithErrors(), SampleViews.Ana);

        var submit = Assert.IsType<SubmitAction>(Assert.Single(card.Actions!));
        var data = submit.Data!.Value;
        Assert.Equal(CardVerbs.SubmitStakeholder, data.GetProperty("verb").GetString());
        Assert.Equal(SampleViews.MapId.ToString(), data.GetProperty(CardVerbs.Keys.MapId).GetString());
        Assert.Equal("4f3b9c3f2e6a4d1c9b8a7f6e5d4c3b2a", data.GetProperty(CardVerbs.Keys.SubmissionId).GetString());
    }

    [Theory]
    [InlineData("map-500")]
    [InlineData("list-300")]
    [InlineData("form-500-people")]
    [InlineData("digest-300")]
    [InlineData("history")]
    public void RenderMessage_LargeView_StaysUnder80KbAndSaysHowManyMore(string name)
    {
        var view = SampleViews.All().Single(v => v.Name == name).View;

        var message = _renderer.RenderMessage(view, SampleViews.Ana);

        var size = MessageSize.GetByteCount(message);
        output.WriteLine($"{name}: {size} bytes");
        Assert.True(size < TeamsCardRenderer.Budget, $"{name} is {size} bytes");
        if (name != "form-500-people")
            Assert.Contains("more", JsonSerializer.Serialize(message, TeamsJsonContext.Default.Activity), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_Digest_MentionsEachOwnerOnceWithEntity()
    {
        var message = _renderer.RenderMessage(SampleViews.Digest(5));

        var card = JsonNode.Parse(message.Attachments![0].Content!.Value.GetRawText())!;
        var entities = card["msteams"]!["entities"]!.AsArray();
        Assert.Equal(3, entities.Count);
        Assert.All(entities, e => Assert.Equal("mention", e!["type"]!.GetValue<string>()));
        Assert.Contains("<at>Owner 1</at>", Relaxed(card.ToJsonString()), StringComparison.Ordinal);
        Assert.Contains("\"command\":\"map Account 1 snooze\"", Relaxed(card.ToJsonString()), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PictureWithUrl_ShowsImageAndText()
    {
        var json = Json(_renderer.Render(SampleViews.All().Single(v => v.Name == "picture").View));

        Assert.Contains("\"type\":\"Image\"", json, StringComparison.Ordinal);
        Assert.Contains("Jane Doe (4/5)", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map-small", "map-small.card.json")]
    [InlineData("form-errors", "form-errors.card.json")]
    public void Render_GoldenView_MatchesGoldenJson(string view, string golden)
    {
        var json = Json(_renderer.Render(SampleViews.All().Single(v => v.Name == view).View, SampleViews.Ana));
        var pretty = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(ContractCheck.RepositoryRoot(), "tests", "AccountBot.Teams.Tests", "Fixtures", golden);
        if (Environment.GetEnvironmentVariable("ACCOUNTBOT_UPDATE_GOLDEN") == "1" || !File.Exists(path))
            File.WriteAllText(path, pretty);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(json)), "card changed; if intended, rerun with ACCOUNTBOT_UPDATE_GOLDEN=1 and review the diff:\n" + pretty);
    }

    [Fact]
    public async Task TeamsCardCheck_EveryCardTheBotRenders_PassesMicrosoftsParser()
    {
        var folder = Directory.CreateTempSubdirectory("accountbot-teams-cards-");
        try
        {
            var files = new List<string>();
            foreach (var (name, view) in SampleViews.All())
            {
                var message = _renderer.RenderMessage(view, SampleViews.Ana);
                var path = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(path, message.Attachments![0].Content!.Value.GetRawText());
                files.Add(path);
            }

            var (exitCode, text) = await ContractCheck.RunAsync("teams-card", files);

            output.WriteLine(text);
            Assert.True(exitCode == 0, "teams-card check failed:\n" + text);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_ExportWithLink_TitleCountsPeopleAndOpensTheDownload()
    {
        var view = SampleViews.All().Single(v => v.Name == "export").View;
        var card = JsonNode.Parse(Json(_renderer.Render(view)))!;

        Assert.Equal("Acme Corp: 2 people exported", Text(card["body"]![0]!));
        var action = card["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.OpenUrl", action["type"]!.GetValue<string>());
        Assert.Equal("Download CSV", action["title"]!.GetValue<string>());
        Assert.Equal(((ExportView)view).DownloadUrl!.ToString(), action["url"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ExportWithoutLink_ExplainsPublicBaseUrlAndHasNoButton()
    {
        var card = JsonNode.Parse(Json(_renderer.Render(SampleViews.Export())))!;

        Assert.Null(card["actions"]);
        Assert.Contains("PublicBaseUrl", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImportForm_PrefillsAccountMultilineCsvAndSubmitsToPreview()
    {
        var body = Body(_renderer.Render(new ImportFormView("Acme Corp", 1_000_000, 500)));

        Assert.Equal("Acme Corp", body.Single(e => e["id"]?.GetValue<string>() == ImportFormView.AccountField)["value"]!.GetValue<string>());
        var csv = body.Single(e => e["id"]?.GetValue<string>() == ImportFormView.CsvField);
        Assert.True(csv["isMultiline"]!.GetValue<bool>());
        Assert.Equal(1_000_000, csv["maxLength"]!.GetValue<int>());
        var json = Json(_renderer.Render(new ImportFormView("Acme Corp", 1_000_000, 500)));
        Assert.Contains("\"verb\":\"" + CardVerbs.PreviewImport + "\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImportFormWithError_ErrorSitsUnderTheCsvAndTextIsKept()
    {
        var view = (ImportFormView)SampleViews.All().Single(v => v.Name == "import-form-error").View;
        var body = Body(_renderer.Render(view));

        var csv = body.FindIndex(e => e["id"]?.GetValue<string>() == ImportFormView.CsvField);
        Assert.Equal(view.CsvText, body[csv]["value"]!.GetValue<string>());
        Assert.Equal("Paste the CSV text.", body[csv]["errorMessage"]!.GetValue<string>());
        Assert.Equal("csvError", body[csv + 2]["id"]!.GetValue<string>());
        Assert.Equal(view.Error, Text(body[csv + 2]));
        Assert.DoesNotContain(body, e => e["id"]?.GetValue<string>() == "accountError");
    }

    [Fact]
    public void Render_ImportPreview_ListsLinesAndConfirmCarriesMapAndImportId()
    {
        var json = Json(_renderer.Render(SampleViews.ImportPreview(3, 2, 1)));

        Assert.Contains("3 people to add · 2 people to update · 12 unchanged · 1 row with errors", json, StringComparison.Ordinal);
        var lines = Body(_renderer.Render(SampleViews.ImportPreview(3, 2, 1))).Select(Text).ToList();
        Assert.Contains("Line 2: Person Number 0 Longname-Hyphenated · VP Procurement, Finance & Operations · economic buyer · power 4 · interest 3", lines);
        Assert.Contains(lines, l => l?.StartsWith("Line 7: Broken Row 0 · Power must be", StringComparison.Ordinal) == true);
        Assert.Contains("Ignored columns: Custom CRM Field 0, Custom CRM Field 1", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"" + CardVerbs.ApplyImport + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"importId\":\"" + SampleViews.ImportId + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mapId\":\"" + SampleViews.MapId.ToString("D") + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"" + CardVerbs.CancelImport + "\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_500RowPreview_StaysUnderTheSizeLimitAndSaysHowManyMore()
    {
        var message = _renderer.RenderMessage(SampleViews.ImportPreview(300, 150, 50, ignored: 40));

        Assert.True(MessageSize.IsWithinLimit(message), MessageSize.GetByteCount(message).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var json = Relaxed(message.Attachments![0].Content!.Value.GetRawText());
        Assert.Contains("…and ", json, StringComparison.Ordinal);
        Assert.Contains("To add (300)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImportPreviewWithNothingToApply_OffersOnlyCancel()
    {
        var json = Json(_renderer.Render(SampleViews.ImportPreview(0, 0, 2)));

        Assert.DoesNotContain(CardVerbs.ApplyImport, json, StringComparison.Ordinal);
        Assert.Contains("Nothing to import", json, StringComparison.Ordinal);
    }

    private static string Json(AdaptiveCard card) => Relaxed(JsonSerializer.Serialize(card, TeamsJsonContext.Default.AdaptiveCard));

    /// <summary>The same JSON without \u escapes, so assertions can name "—" and "&lt;at&gt;".</summary>
    private static string Relaxed(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>What a RichTextBlock reads (its runs joined), or null for other elements.</summary>
    private static string? Text(JsonNode element) =>
        element["inlines"] is JsonArray runs ? string.Concat(runs.Select(r => r!["text"]!.GetValue<string>())) : null;

    private static List<JsonNode> Body(AdaptiveCard card) => [.. JsonNode.Parse(Json(card))!["body"]!.AsArray().Select(n => n!)];

    /// <summary>The body with each container's items in its place, in order: the form's fields, shown or behind "More details".</summary>
    private static List<JsonNode> FormElements(AdaptiveCard card) =>
        [.. Body(card).SelectMany(e => e["type"]!.GetValue<string>() == "Container" ? e["items"]!.AsArray().Select(i => i!) : [e])];
}
