using System.Text.Json;
using System.Text.RegularExpressions;
using AccountBot.Core.Channels;
using AccountBot.Core.Caching;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Fakes;

namespace AccountBot.Slack.Tests.Rendering;

public sealed partial class SlackMessageRendererTests
{
    private readonly SlackMessageRenderer _renderer = new();

    [Fact]
    public async Task Render_KeyedMapView_DrawnOnceAndReused_SameContentAsAFreshDraw()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var view = Assert.IsType<MapView>(await core.SendAsync("map Acme"));

        var first = _renderer.Render(view);
        var again = _renderer.Render(view);
        var fresh = new SlackMessageRenderer().Render(view with { });

        Assert.Same(first, again);
        Assert.NotSame(first, fresh);
        Assert.Equal(
            JsonSerializer.Serialize(fresh, AccountBot.Slack.SlackJsonContext.Default.SlackMessage),
            JsonSerializer.Serialize(first, AccountBot.Slack.SlackJsonContext.Default.SlackMessage));
    }

    [Fact]
    public async Task Render_AViewWithAPerUserField_IsNeverServedToAnotherUser()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var view = Assert.IsType<MapView>(await core.SendAsync("map Acme"));
        var cache = new RenderedOutputCache(TimeProvider.System);
        var renderer = new SlackMessageRenderer(cache);

        // A field for one user (here the notice line) makes the view per user: its key names the viewer.
        MapView For(string user) =>
            view with { Notice = "Your next step, " + user, CacheKey = cache.KeyOf(view.MapId, view.Version, "map-card-per-user", user) };
        var ana = Json(renderer.Render(For("U0ANA")));
        var ben = Json(renderer.Render(For("U0BEN")));

        Assert.Contains("Your next step, U0ANA", ana, StringComparison.Ordinal);
        Assert.Contains("Your next step, U0BEN", ben, StringComparison.Ordinal);
        Assert.DoesNotContain("U0ANA", ben, StringComparison.Ordinal);

        // The ack's bytes come from the same cache: Ben's are never Ana's, however often each asks.
        var anaBytes = Utf8(renderer.Json(renderer.Render(For("U0ANA"))));
        var benBytes = Utf8(renderer.Json(renderer.Render(For("U0BEN"))));
        Assert.Contains("Your next step, U0ANA", anaBytes, StringComparison.Ordinal);
        Assert.DoesNotContain("U0BEN", anaBytes, StringComparison.Ordinal);
        Assert.Contains("Your next step, U0BEN", benBytes, StringComparison.Ordinal);
        Assert.DoesNotContain("U0ANA", benBytes, StringComparison.Ordinal);
        Assert.Equal(benBytes, Utf8(renderer.Json(renderer.Render(For("U0BEN")))));
    }

    [Fact]
    public async Task Json_OfAKeyedMapMessage_WrittenOnceAndReusedFromTheCache_SameAsAFreshWrite()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var view = Assert.IsType<MapView>(await core.SendAsync("map Acme"));
        var cache = new RenderedOutputCache(TimeProvider.System);
        var renderer = new SlackMessageRenderer(cache);

        var first = renderer.Json(renderer.Render(view));
        var again = renderer.Json(renderer.Render(view));

        Assert.Same(first, again);
        Assert.Equal(Json(new SlackMessageRenderer().Render(view with { CacheKey = null })), Utf8(first));
    }

    [Fact]
    public void Json_OfAnUnkeyedMessage_IsWrittenAfresh()
    {
        var message = new SlackMessage("Acme", [new SectionBlock(new Mrkdwn("Acme"))]);

        Assert.NotSame(_renderer.Json(message), _renderer.Json(message));
    }

    [Fact]
    public async Task Render_SameMapAtANewVersion_IsDrawnAfresh()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var before = Json(_renderer.Render(await core.SendAsync("map Acme")));

        await core.SendAsync("map Acme reviewed");
        var after = Json(_renderer.Render(await core.SendAsync("map Acme")));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Json_OfAWithCopy_IsTheCopysOwn()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var view = Assert.IsType<MapView>(await core.SendAsync("map Acme"));
        var renderer = new SlackMessageRenderer();
        var message = renderer.Render(view);
        var inChannel = Utf8(renderer.Json(message));

        // Every field a copy may set changes the bytes, and the original's stay its own.
        Assert.Contains("\"ephemeral\"", Utf8(renderer.Json(message with { ResponseType = ResponseType.Ephemeral })), StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":true", Utf8(renderer.Json(message with { ReplaceOriginal = true })), StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":false", Utf8(renderer.Json(message with { ReplaceOriginal = false })), StringComparison.Ordinal);
        Assert.Contains("\"delete_original\":true", Utf8(renderer.Json(message with { DeleteOriginal = true })), StringComparison.Ordinal);
        Assert.Contains("\"thread_ts\":\"1.2\"", Utf8(renderer.Json(message with { ThreadTs = "1.2" })), StringComparison.Ordinal);
        Assert.Contains("\"thread_ts\":\"1.3\"", Utf8(renderer.Json(message with { ThreadTs = "1.3" })), StringComparison.Ordinal);
        Assert.Contains("\"in_channel\"", inChannel, StringComparison.Ordinal);
        Assert.Equal(inChannel, Utf8(renderer.Json(message)));
    }

    [Fact]
    public void Json_Key_NamesEverySettableFieldOfAMessage()
    {
        // SlackMessageRenderer.OutputOf names these; a new settable field must join it, or a copy could be served another's bytes.
        var settable = typeof(SlackMessage).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["DeleteOriginal", "ReplaceOriginal", "ResponseType", "ThreadTs"], settable);
    }

    [Fact]
    public async Task Render_HostileNames_NeverPingOrLink()
    {
        foreach (var (name, value, type) in await RenderedViews.AllAsync())
        {
            // Decoded mrkdwn (and fallback) strings: Slack decodes \u003C in JSON, so that is not escaping. plain_text is never parsed.
            var text = string.Join("\n", ParsedText(JsonSerializer.SerializeToElement(value, type, SlackJsonContext.Default)));
            // The only markup allowed is a mention we build from a stored Slack user id.
            var markup = Markup().Matches(text).Select(m => m.Value).Where(m => !SlackMention().IsMatch(m)).ToList();
            Assert.True(markup.Count == 0, $"{name}: {string.Join(", ", markup)}");
            Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
            if (name.StartsWith("map-hostile", StringComparison.Ordinal))
                Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://evil", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_CsvViews_AreShownNotTheCannotShowFallback()
    {
        var export = _renderer.Render(new ExportView(Guid.NewGuid(), "Acme", "acme.csv", [1, 2], 2));
        var form = _renderer.Render(new ImportFormView("Acme", 1_000_000, 500), "map Acme import");
        var preview = _renderer.Render(RenderedViews.BigPreview(3, 1, 1));

        Assert.Contains("Uploading acme.csv (2 people", export.Text, StringComparison.Ordinal);
        var button = form.Blocks!.OfType<ActionsBlock>().Single().Elements.OfType<ButtonElement>().Single();
        Assert.Equal(SlackBotIds.OpenImportForm, button.ActionId);
        Assert.Equal("map Acme import", button.Value);
        Assert.StartsWith(SlackBotIds.CommandActionPrefix, SlackBotIds.OpenImportForm, StringComparison.Ordinal);
        Assert.Contains("would add 3", preview.Text, StringComparison.Ordinal);
        foreach (var message in new[] { export, form, preview })
            Assert.DoesNotContain("cannot show", JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportModals_FormHintSaysTheLimit_PreviewCarriesMapImportAndChannel()
    {
        var modals = new ImportModalRenderer();
        var form = modals.Form(new ImportFormView("Acme", 1_000_000, 500) { CsvText = new string('x', 5000) }, "C1");
        var view = RenderedViews.BigPreview(300, 150, 50);
        var preview = modals.Preview(view, "C1");

        var csv = form.Blocks.OfType<InputBlock>().Single(b => b.BlockId == ImportFormView.CsvField);
        Assert.Contains("3,000 characters", csv.Hint!.Text, StringComparison.Ordinal);
        Assert.Equal(3000, ((PlainTextInputElement)csv.Element).MaxLength);
        Assert.Equal(3000, ((PlainTextInputElement)csv.Element).InitialValue!.Length);
        Assert.Equal("C1", form.PrivateMetadata);
        Assert.InRange(preview.Blocks.Count, 1, 100);
        var metadata = ImportMetadata.TryDecode(preview.PrivateMetadata)!;
        Assert.Equal((view.MapId, view.ImportId, "C1"), (metadata.MapId, metadata.ImportId, metadata.ChannelId));
        Assert.Null(ImportMetadata.TryDecode("{not json"));
        Assert.Equal("Import", preview.Submit!.Text);
    }

    [Fact]
    public async Task Render_UserTextInMrkdwn_IsVerbatimSoAtHereIsNotParsed()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var map = _renderer.Render(await core.SendAsync("map Acme"));

        var mrkdwn = map.Blocks!.OfType<SectionBlock>().Select(s => s.Text).OfType<Mrkdwn>().ToList();

        Assert.NotEmpty(mrkdwn);
        Assert.All(mrkdwn, m => Assert.True(m.Verbatim));
    }

    [Fact]
    public void Render_Digest300_ShowsWhatFitsMentionsOwnersAndSaysHowManyMore()
    {
        var message = _renderer.Render(RenderedViews.Digest(300));
        var json = string.Join("\n", Strings(JsonSerializer.SerializeToElement(message, SlackJsonContext.Default.SlackMessage)));

        Assert.True(message.Blocks!.Count <= SlackLimits.BlocksPerMessage);
        Assert.Contains("<@U0OWNER1>", json, StringComparison.Ordinal);
        Assert.Contains("&lt;@U0EVIL&gt; Mallory", json, StringComparison.Ordinal);
        Assert.Contains("and 277 more", json, StringComparison.Ordinal);
        Assert.Contains("map list", json, StringComparison.Ordinal);
        Assert.Contains("Snooze a week", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Visibility_ChoosesResponseType()
    {
        Assert.Equal(ResponseType.Ephemeral, _renderer.Render(new NoticeView(Tone.Info, "hi")).ResponseType);
        Assert.Equal(ResponseType.InChannel, _renderer.Render(new NoticeView(Tone.Info, "hi") { Visibility = ReplyVisibility.Channel }).ResponseType);
    }

    [Fact]
    public async Task RenderModal_ShortThenExpanded_FieldNamesAsBlockIds_AndMetadataRoundTrips()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        var form = (StakeholderFormView)await core.SendAsync("map Acme add Jane");
        var schema = StakeholderFormSchema.Schema;

        var modal = new StakeholderModalRenderer().Render(form, "C0DEALS");
        var expanded = new StakeholderModalRenderer().Render(form with { Expanded = true }, "C0DEALS");
        var metadata = FormMetadata.TryDecode(modal.PrivateMetadata);

        Assert.Equal(schema.ShortFields.Select(f => f.Id).Append(StakeholderModalRenderer.SeveralBlockId), modal.Blocks.OfType<InputBlock>().Select(b => b.BlockId));
        var button = Assert.IsType<ButtonElement>(Assert.Single(modal.Blocks.OfType<ActionsBlock>()).Elements.Single());
        Assert.Equal((SlackBotIds.StakeholderMoreDetails, "More details", null), (button.ActionId, button.Text.Text, button.Value));
        Assert.Equal(
            schema.ShortFields.Select(f => f.Id).Append(StakeholderModalRenderer.SeveralBlockId).Concat(schema.DetailFields.Select(f => f.Id)),
            expanded.Blocks.OfType<InputBlock>().Select(b => b.BlockId));
        Assert.Empty(expanded.Blocks.OfType<ActionsBlock>());
        Assert.Equal(new FormMetadata(form.MapId, null, form.SubmissionId, "C0DEALS", ShortForm: true), metadata);
        Assert.False(FormMetadata.TryDecode(expanded.PrivateMetadata)!.ShortForm);
        Assert.Null(FormMetadata.TryDecode("{\"m\":\"00000000-0000-0000-0000-000000000000\",\"k\":\"x\"}"));
        Assert.Null(FormMetadata.TryDecode("not json"));
    }

    [Fact]
    public void ErrorsByBlock_UnknownField_LandsOnName()
    {
        var errors = StakeholderModalRenderer.ErrorsByBlock(new Dictionary<string, string> { ["general"] = "Too many people.", ["email"] = "Bad e-mail." });

        Assert.Equal("Too many people.", errors["name"]);
        Assert.Equal("Bad e-mail.", errors["email"]);
    }

    [Fact]
    public void ErrorsByBlock_ShortModal_FieldBehindMoreDetailsLandsOnName()
    {
        var errors = StakeholderModalRenderer.ErrorsByBlock(
            new Dictionary<string, string> { ["relatedTo"] = "That person is no longer on this map.", ["power"] = "Power must be a whole number from 1 to 5." }, shortForm: true);

        Assert.Equal("That person is no longer on this map.", errors["name"]);
        Assert.Equal("Power must be a whole number from 1 to 5.", errors["power"]);
        Assert.Equal(["name", "power"], errors.Keys.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>Strings Slack parses for markup: mrkdwn text objects and a message's top-level <c>text</c>.</summary>
    private static IEnumerable<string> ParsedText(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
            return element.EnumerateArray().SelectMany(ParsedText);
        if (element.ValueKind != JsonValueKind.Object)
            return [];
        var own = element.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
            && (!element.TryGetProperty("type", out var type) || type.GetString() == "mrkdwn")
            ? [t.GetString()!]
            : Array.Empty<string>();
        return own.Concat(element.EnumerateObject().SelectMany(p => ParsedText(p.Value)));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex("^<@U0OWNER[0-9]+>$")]
    private static partial Regex SlackMention();

    private static string Json(SlackMessage message) => JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage);

    private static string Utf8(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
