using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Capture;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Text;
using AccountBot.Host.Tests.Reminders;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Rendering;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Teams;

/// <summary>
/// Capture from a message in Teams, JWT-signed invokes to the real host (LiteDB file, fake Bot Connector): the message
/// action's <c>composeExtension/fetchTask</c> answers the prefilled dialog (judged by Microsoft's adaptivecards parser
/// in every state), its <c>composeExtension/submitAction</c> saves with the message's link in the history, closes the
/// dialog and posts the map; an invalid form comes back with everything typed; no tenant sees another's maps.
/// </summary>
[Collection(HostBuildingCollection.Name)]
public sealed class TeamsCaptureTests : IAsyncLifetime
{
    private const string Link = "https://teams.microsoft.com/l/message/19:8a1c2e3f4b5d6e7f8a9b0c1d2e3f4a5b@thread.tacv2/1714986000000?tenantId=72f988bf";
    private const string OtherTenant = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
    private const string TomId = "29:1TomBeckerXyz";

    // What Teams sends: HTML, a list item holding a "Name, Title" line, one person's name split over two mentions.
    private const string NoteHtml =
        "<p>Call recap</p><ul><li>Priya Raman, VP Finance</li></ul>"
        + "<p><at id=\"0\">Tom</at>&nbsp;<at id=\"1\">Becker</at> joined late. Met Liz Park at lunch &amp; she is <b>keen</b>.</p>"
        + "<script>alert('x')</script><style>p{color:red}</style>";

    private const string NoteText = "Call recap\n- Priya Raman, VP Finance\nTom Becker joined late. Met Liz Park at lunch & she is keen.";

    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams(ActivityBuilder.TenantId);

    private SignedTeamsRig _rig = null!;
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _rig = await SignedTeamsRig.StartAsync("teams-capture", "capture-key", "msteams");
        _host = _rig.Start();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task FetchTask_ChannelMessage_AnswersTheDialogPrefilled_LinkedMapFirst_NamedPeopleOnly()
    {
        await SeedAsync(Workspace, "Acme");
        await SeedAsync(Workspace, "Zeta");
        Assert.Equal(HttpStatusCode.OK, await _rig.PostAsync(_host, InChannel().Message("<at>AccountBot</at> map Zeta link").Build()));

        var (status, body) = await _rig.InvokeAsync(_host, FetchTask(NoteHtml));

        Assert.Equal(HttpStatusCode.OK, status);
        var task = JsonDocument.Parse(body).RootElement.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        Assert.Equal(Sentences.CaptureTitle, task.GetProperty("value").GetProperty("title").GetString());
        var attachment = task.GetProperty("value").GetProperty("card");
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        var picker = Input(card, CardVerbs.Inputs.CaptureAccount);
        Assert.Equal(["Zeta", "Acme"], picker.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.Equal(await MapIdAsync(Workspace, "Zeta"), picker.GetProperty("value").GetString());
        Assert.Equal("Priya Raman", Input(card, "name").GetProperty("value").GetString());
        Assert.Equal("VP Finance", Input(card, "title").GetProperty("value").GetString());
        Assert.Equal(NoteText, Input(card, "notes").GetProperty("value").GetString());
        var text = card.GetRawText();
        Assert.Contains(string.Format(Sentences.CaptureNamed, "Priya Raman (VP Finance), Tom Becker"), Texts(card));
        Assert.DoesNotContain(Texts(card), t => t.Contains("Liz Park", StringComparison.Ordinal));
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color:red", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", Input(card, "notes").GetProperty("value").GetString()!, StringComparison.Ordinal);
        Assert.Equal(Link, SubmitData(card).GetProperty(CardVerbs.Keys.Link).GetString());
        await AssertTeamsAcceptsAsync(("capture-linked-first", card));
    }

    [Fact]
    public async Task FetchTask_NoMapsOneMapManyMaps_EveryDialogCardPassesMicrosoftsParser()
    {
        var none = Card((await _rig.InvokeAsync(_host, FetchTask("<p>Hello</p>"))).Body);
        await SeedAsync(Workspace, "Acme");
        var one = Card((await _rig.InvokeAsync(_host, FetchTask("<p><at id=\"0\">Tom</at> from Acme</p>"))).Body);
        for (var i = 0; i < CaptureHandler.MaxAccounts + 20; i++)
            await SeedAsync(Workspace, $"Account {i:000}");
        var many = Card((await _rig.InvokeAsync(_host, FetchTask(NoteHtml))).Body);

        Assert.Contains(Sentences.CaptureNoMaps, Texts(none));
        Assert.DoesNotContain("Input.", none.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["Acme"], Input(one, CardVerbs.Inputs.CaptureAccount).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.Equal("Tom Becker", Input(one, "name").GetProperty("value").GetString());
        Assert.Equal(CaptureHandler.MaxAccounts, Input(many, CardVerbs.Inputs.CaptureAccount).GetProperty("choices").GetArrayLength());
        await AssertTeamsAcceptsAsync(("capture-no-maps", none), ("capture-one-map", one), ("capture-many-maps", many));
    }

    [Fact]
    public async Task FetchTask_FromAnotherTenant_NeverListsThisTenantsMaps()
    {
        await SeedAsync(Workspace, "Initech");

        var (status, body) = await _rig.InvokeAsync(_host, FetchTask(NoteHtml, tenant: OtherTenant));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Initech", body, StringComparison.Ordinal);
        Assert.Contains(Sentences.CaptureNoMaps, Texts(Card(body)));
    }

    [Fact]
    public async Task SubmitAction_SavesOnThePickedMap_KeepsTheLinkInTheHistory_SaysSoInTheDialog_PostsTheMap()
    {
        await SeedAsync(Workspace, "Acme");
        await SeedAsync(Workspace, "Zeta");
        var card = Card((await _rig.InvokeAsync(_host, FetchTask(NoteHtml))).Body);
        var zeta = await MapIdAsync(Workspace, "Zeta");
        var before = _rig.Connector.Requests.Count;

        var (status, body) = await _rig.InvokeAsync(_host, SubmitAction(card, (CardVerbs.Inputs.CaptureAccount, zeta), ("name", "Priya Raman"), ("title", "VP Finance"), ("notes", NoteText)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("""^\{"task":\{"type":"message","value":"[^"]+ added Priya Raman\."\}\}$""", body);
        var saved = await MapAsync(Workspace, "Zeta");
        var priya = Assert.Single(saved.Stakeholders);
        Assert.Equal(("Priya Raman", "VP Finance", NoteText), (priya.Name, priya.Title, priya.Notes));
        Assert.Empty((await MapAsync(Workspace, "Acme")).Stakeholders);
        var history = await Store.GetHistoryAsync(Workspace, saved.Id, 10, CancellationToken.None);
        Assert.Contains(history, h => h.Fields.Any(f => f.Field == StakeholderFormHandler.SourceField && f.New == Link));
        var posted = Assert.Single(_rig.Connector.Requests.Skip(before), r => r.Method == "POST" && r.Body.Contains("attachments", StringComparison.Ordinal));
        Assert.Contains(ActivityBuilder.ChannelId, Uri.UnescapeDataString(posted.RawTarget), StringComparison.Ordinal);
        Assert.Contains("Priya Raman", posted.Body, StringComparison.Ordinal);
        Assert.Contains("Zeta", posted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAction_SameSubmissionTwice_SavesOnceAndPostsOnce()
    {
        await SeedAsync(Workspace, "Acme");
        var card = Card((await _rig.InvokeAsync(_host, FetchTask(NoteHtml))).Body);
        var submit = SubmitAction(card, ("name", "Priya Raman"));
        var before = _rig.Connector.Requests.Count;

        var first = (await _rig.InvokeAsync(_host, submit)).Body;
        var again = (await _rig.InvokeAsync(_host, submit)).Body;

        Assert.Contains("added Priya Raman.", first, StringComparison.Ordinal);
        Assert.Equal(first, again);

        Assert.Single((await MapAsync(Workspace, "Acme")).Stakeholders);
        Assert.Single(_rig.Connector.Requests.Skip(before), r => r.Body.Contains("Priya Raman", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitAction_Invalid_AnswersTheFormAgainWithTheError_EverythingTypedKept_NothingSaved()
    {
        await SeedAsync(Workspace, "Acme");
        await SeedAsync(Workspace, "Zeta");
        var card = Card((await _rig.InvokeAsync(_host, FetchTask(NoteHtml))).Body);
        var acme = await MapIdAsync(Workspace, "Acme");

        var (status, body) = await _rig.InvokeAsync(_host, SubmitAction(card,
            (CardVerbs.Inputs.CaptureAccount, acme), ("name", "Priya Raman"), ("title", "VP Finance"), ("email", "not an address"), ("notes", "typed notes")));

        Assert.Equal(HttpStatusCode.OK, status);
        var again = Card(body);
        Assert.Equal("continue", JsonDocument.Parse(body).RootElement.GetProperty("task").GetProperty("type").GetString());
        Assert.Contains("emailError", again.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(acme, Input(again, CardVerbs.Inputs.CaptureAccount).GetProperty("value").GetString());
        Assert.Equal(("Priya Raman", "VP Finance", "not an address", "typed notes"),
            (Value(again, "name"), Value(again, "title"), Value(again, "email"), Value(again, "notes")));
        Assert.Equal(Link, SubmitData(again).GetProperty(CardVerbs.Keys.Link).GetString());
        Assert.Equal(SubmitData(card).GetProperty(CardVerbs.Keys.SubmissionId).GetString(), SubmitData(again).GetProperty(CardVerbs.Keys.SubmissionId).GetString());
        Assert.Empty((await MapAsync(Workspace, "Acme")).Stakeholders);
        await AssertTeamsAcceptsAsync(("capture-invalid", again));
    }

    [Fact]
    public async Task SubmitAction_PrivateMapOfSomeoneElse_FormAgainWithTheNoteUnderThePicker_NothingSaved()
    {
        await SeedAsync(Workspace, "Acme");
        await SeedAsync(Workspace, "Secret", new UserRef("someone-else", "Bo Colleague"), MapVisibility.Private);
        var card = Card((await _rig.InvokeAsync(_host, FetchTask(NoteHtml))).Body);
        Assert.DoesNotContain("Secret", card.GetRawText(), StringComparison.Ordinal);

        var (_, body) = await _rig.InvokeAsync(_host, SubmitAction(card, (CardVerbs.Inputs.CaptureAccount, await MapIdAsync(Workspace, "Secret")), ("name", "Priya Raman"), ("title", "VP Finance")));

        var again = Card(body);
        Assert.Contains(Sentences.CaptureMapGone, Texts(again));
        Assert.Equal(("Priya Raman", "VP Finance"), (Value(again, "name"), Value(again, "title")));
        Assert.DoesNotContain("Secret", Input(again, CardVerbs.Inputs.CaptureAccount).GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await MapAsync(Workspace, "Secret")).Stakeholders);
        await AssertTeamsAcceptsAsync(("capture-map-refused", again));
    }

    [Fact]
    public async Task SubmitAction_FromAnotherTenantNamingThisTenantsMap_SavesNothing_ShowsNoneOfIt()
    {
        await SeedAsync(Workspace, "Initech");
        var card = Card((await _rig.InvokeAsync(_host, FetchTask(NoteHtml))).Body);

        var (status, body) = await _rig.InvokeAsync(_host, SubmitAction(card, tenant: OtherTenant, fields: [("name", "Priya Raman")]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Initech", body, StringComparison.Ordinal);
        Assert.Contains(Sentences.CaptureNoMaps, Texts(Card(body)));
        Assert.Empty((await MapAsync(Workspace, "Initech")).Stakeholders);
    }

    [Fact]
    public async Task Invoke_OtherCommandOrFormWithoutOurData_AnswersALineInTheDialog_Not500()
    {
        await SeedAsync(Workspace, "Acme");
        var otherCommand = Invoke(InvokeNames.FetchTask, new JsonObject { ["commandId"] = "somethingElse", ["commandContext"] = "message" });
        var noData = Invoke(InvokeNames.SubmitAction, new JsonObject { ["commandId"] = TeamsMessageActions.CaptureCommand, ["data"] = new JsonObject { ["name"] = "Priya" } });

        var (otherStatus, otherBody) = await _rig.InvokeAsync(_host, otherCommand);
        var (noDataStatus, noDataBody) = await _rig.InvokeAsync(_host, noData);

        Assert.Equal((HttpStatusCode.OK, "message", Sentences.CaptureUnknownCommand), (otherStatus, TaskType(otherBody), TaskText(otherBody)));
        Assert.Equal((HttpStatusCode.OK, "message", Sentences.CaptureFormUnknown), (noDataStatus, TaskType(noDataBody), TaskText(noDataBody)));
        Assert.Empty((await MapAsync(Workspace, "Acme")).Stakeholders);
    }

    [Fact]
    public async Task FetchTask_FromAGuest_AnswersTheRefusalInTheDialog_ShowsNoMap()
    {
        await SeedAsync(Workspace, "Initech");
        _rig.Connector.SetMember(ActivityBuilder.UserId, $$"""{"id":"{{ActivityBuilder.UserId}}","tenantId":"{{ActivityBuilder.TenantId}}","userRole":"guest"}""");

        var (status, body) = await _rig.InvokeAsync(_host, FetchTask(NoteHtml));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("message", AccountBot.Core.Access.AccessNotices.ExternalUser), (TaskType(body), TaskText(body)));
        Assert.DoesNotContain("Initech", body, StringComparison.Ordinal);
    }

    private IAccountMapStore Store => _host.Services.GetRequiredService<IAccountMapStore>();

    private ActivityBuilder InChannel() => new ActivityBuilder().InChannel("x").WithServiceUrl(_rig.Connector.ServiceUrl);

    private Activity FetchTask(string html, string tenant = ActivityBuilder.TenantId) =>
        Invoke(InvokeNames.FetchTask, new JsonObject
        {
            ["commandId"] = TeamsMessageActions.CaptureCommand,
            ["commandContext"] = "message",
            ["messagePayload"] = Payload(html),
            ["context"] = new JsonObject { ["theme"] = "default" },
        }, tenant);

    private Activity SubmitAction(JsonElement card, params (string Id, string Value)[] fields) => SubmitAction(card, ActivityBuilder.TenantId, fields);

    /// <summary>What Teams sends when the dialog's submit is pressed: the submit's data merged with the card's inputs, as the card showed them unless typed over.</summary>
    private Activity SubmitAction(JsonElement card, string tenant, params (string Id, string Value)[] fields)
    {
        var data = JsonNode.Parse(SubmitData(card).GetRawText())!.AsObject();
        foreach (var input in Inputs(card).Where(i => i.TryGetProperty("value", out _)))
            data[input.GetProperty("id").GetString()!] = input.GetProperty("value").ValueKind == JsonValueKind.String ? input.GetProperty("value").GetString() : input.GetProperty("value").GetRawText();
        foreach (var (id, value) in fields)
            data[id] = value;
        return Invoke(InvokeNames.SubmitAction, new JsonObject
        {
            ["commandId"] = TeamsMessageActions.CaptureCommand,
            ["commandContext"] = "message",
            ["data"] = data,
            ["messagePayload"] = Payload(NoteHtml),
        }, tenant);
    }

    private Activity Invoke(string name, JsonObject value, string tenant = ActivityBuilder.TenantId) =>
        InChannel().Invoke(name, value.ToJsonString()).With(a => a with
        {
            Text = null,
            Entities = null,
            ChannelData = a.ChannelData! with { Tenant = new TenantInfo { Id = tenant } },
            Conversation = a.Conversation! with { TenantId = tenant },
        }).Build();

    private static JsonObject Payload(string html) => new()
    {
        ["id"] = "1714986000000",
        ["linkToMessage"] = Link,
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
        ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "6f1a2b3c-aaaa", ["displayName"] = "Ada Lovelace", ["userIdentityType"] = "aadUser" } },
        ["mentions"] = new JsonArray
        {
            Mention(0, "Tom"),
            Mention(1, "Becker"),
        },
    };

    private static JsonObject Mention(int id, string text) => new()
    {
        ["id"] = id,
        ["mentionText"] = text,
        ["mentioned"] = new JsonObject { ["user"] = new JsonObject { ["id"] = TomId, ["displayName"] = "Tom Becker", ["userIdentityType"] = "aadUser" } },
    };

    private async Task SeedAsync(WorkspaceKey workspace, string name, UserRef? owner = null, MapVisibility visibility = MapVisibility.Public)
    {
        var by = owner ?? new UserRef(ActivityBuilder.UserId, "Ada Lovelace");
        var stamp = new Stamp(DateTimeOffset.UtcNow, by);
        var created = AccountMap.Create(workspace, name, MapKind.Sales, stamp);
        await Store.SaveAsync(created with { Map = created.Map with { Owner = by, Visibility = visibility } }, CancellationToken.None);
    }

    private async Task<AccountMap> MapAsync(WorkspaceKey workspace, string name) =>
        (await Store.FindByNameAsync(workspace, name, CancellationToken.None))!;

    private async Task<string> MapIdAsync(WorkspaceKey workspace, string name) => (await MapAsync(workspace, name)).Id.ToString("D");

    private static JsonElement Card(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("task").GetProperty("value").GetProperty("card").GetProperty("content").Clone();

    private static string? TaskType(string body) => JsonDocument.Parse(body).RootElement.GetProperty("task").GetProperty("type").GetString();

    private static string? TaskText(string body) => JsonDocument.Parse(body).RootElement.GetProperty("task").GetProperty("value").GetString();

    private static JsonElement SubmitData(JsonElement card) =>
        card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.Submit").GetProperty("data");

    private static JsonElement Input(JsonElement card, string id) => Inputs(card).Single(i => i.GetProperty("id").GetString() == id);

    private static string? Value(JsonElement card, string id) => Input(card, id).GetProperty("value").GetString();

    private static IEnumerable<JsonElement> Inputs(JsonElement element) =>
        Elements(element).Where(e => e.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal));

    /// <summary>The visible texts: each RichTextBlock's runs joined.</summary>
    private static List<string> Texts(JsonElement card) =>
        [.. Elements(card).Where(e => e.TryGetProperty("type", out var type) && type.GetString() == "RichTextBlock")
            .Select(e => string.Concat(e.GetProperty("inlines").EnumerateArray().Select(r => r.GetProperty("text").GetString())))];

    private static IEnumerable<JsonElement> Elements(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var property in element.EnumerateObject())
                foreach (var inner in Elements(property.Value))
                    yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var inner in Elements(item))
                    yield return inner;
        }
    }

    private static async Task AssertTeamsAcceptsAsync(params (string Name, JsonElement Card)[] cards)
    {
        var folder = Directory.CreateTempSubdirectory("capture-teams-card");
        try
        {
            var files = new List<string>();
            foreach (var (name, card) in cards)
            {
                var file = Path.Combine(folder.FullName, name + ".json");
                await File.WriteAllTextAsync(file, card.GetRawText());
                files.Add(file);
            }

            var result = await SlackContractCheck.RunAsync("teams-card", files, CancellationToken.None);
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
