using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Bot;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.WebApi;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>
/// Every message, modal and response the Slack bot can produce, from real core replies with realistic data: hostile
/// and unicode names, 60- and 150-person maps, validation errors, a digest of 300 accounts. Named <c>NAME.KIND</c>.
/// </summary>
internal static class RenderedViews
{
    public const string Channel = "C0DEALS";
    public static readonly string[] HostileNames = ["<!channel>", "<https://evil.example|click>", "@here Zoë & <b>", "李雷 👩‍💼 Ünïcødé"];

    public static async Task<IReadOnlyList<(string Name, object Value, Type Type)>> AllAsync()
    {
        using var core = new CoreHarness();
        var messages = new SlackMessageRenderer();
        var modals = new StakeholderModalRenderer();
        var views = core.Get<MapViewFactory>();
        var results = new List<(string, object, Type)>();
        void Respond(string name, Reply reply) => results.Add((name + ".respond", messages.Render(reply, "map Acme add"), typeof(SlackMessage)));
        void Post(string name, Reply reply, SlackMessageMetadata? metadata = null)
        {
            var m = messages.Render(reply) with { ResponseType = null };
            results.Add((name + ".message", new ChatPostMessageRequest(Channel, m.Text, m.Blocks, null, metadata), typeof(ChatPostMessageRequest)));
        }

        // Through the core, as users would ask.
        await core.SendAsync("map Acme create");
        foreach (var name in HostileNames.Append("Jane Doe").Append("John Roe"))
            await SubmitAsync(core, "Acme", name);
        await core.SendAsync("map Acme tag Jane champion signer");
        var quickAdd = await core.SendAsync("map Acme add\nBob Roe, CFO, signer, owner me\nJane Doe, blocker, next call by friday\nDan, wizard");
        Respond("quick-add-undo", quickAdd);
        Post("quick-add-undo", quickAdd);
        Respond("quick-add-refused", await core.SendAsync("map Acme add Dan, wizard"));
        Respond("undo", await core.SendAsync(((MapView)quickAdd).UndoCommand!));
        Respond("help", await core.SendAsync("map help"));
        Respond("not-found", await core.SendAsync("map Acm"));
        Respond("map-hostile", await core.SendAsync("map Acme"));
        Post("map-hostile", await core.SendAsync("map Acme reviewed"));
        Post("links-reset", await core.SendAsync("map Acme links reset"));
        Respond("did-you-mean", await core.SendAsync("map Acme edit J"));
        Respond("confirm-remove", await core.SendAsync("map Acme remove Jane"));
        Respond("confirm-erase", await core.SendAsync("map Acme erase Jane"));
        Respond("list", await core.SendAsync("map list"));
        Respond("history", await core.SendAsync("map Acme history"));
        Respond("settings", await core.SendAsync("map settings"));
        Respond("grid", await core.SendAsync("map Acme grid"));
        Respond("grid-image", (PictureView)await core.SendAsync("map Acme org") with { ImageUrl = new Uri("https://bot.example/pictures/acme-org.png") });
        Respond("notice", await core.SendAsync("map Acme frobnicate Jane"));

        var add = (StakeholderFormView)await core.SendAsync("map Acme add Ana \"<!here>\"");
        var edit = (StakeholderFormView)await core.SendAsync("map Acme edit Jane");
        results.Add(("add.modal", modals.Render(add, Channel), typeof(ModalView)));
        results.Add(("edit.modal", modals.Render(edit, Channel), typeof(ModalView)));
        results.Add(("edit.views-open", new ViewsOpenRequest("1337.42.trigger", modals.Render(edit, Channel)), typeof(ViewsOpenRequest)));
        // "More details": the whole form replaces the short modal, with what was typed kept.
        foreach (var (name, form) in new[] { ("add", add), ("edit", edit) })
        {
            var expanded = (StakeholderFormView)await core.Dispatcher.ExpandStakeholderFormAsync(
                new(form.MapId, form.StakeholderId, form.SubmissionId, form.Values with { Title = "<b>CFO</b> & co" }, OnlyShortFields: true), core.Context, CancellationToken.None);
            results.Add(($"{name}-expanded.modal", modals.Render(expanded, Channel), typeof(ModalView)));
            results.Add(($"{name}-expanded.views-update", new ViewsUpdateRequest("V0FORM", modals.Render(expanded, Channel), "hash-1"), typeof(ViewsUpdateRequest)));
        }

        Respond("form-button", add);
        var rejected = (StakeholderFormView)(await core.Dispatcher.SubmitStakeholderAsync(
            new(add.MapId, null, add.SubmissionId, new() { Name = "", Email = "nope", Power = "9", ProfileUrl = "ftp://x" }), core.Context, CancellationToken.None)).Reply;
        results.Add(("errors.view-response", new ViewErrorsResponse(StakeholderModalRenderer.ErrorsByBlock(rejected.Errors)), typeof(ViewSubmissionResponse)));
        results.Add(("rejected.modal", modals.Render(rejected, Channel), typeof(ModalView)));
        var badLines = (NoticeView)await core.Dispatcher.AddSeveralAsync(add.MapId, "Bob Roe, CFO\nDan <!channel>, CFO, champion, power 9", core.Context, CancellationToken.None);
        results.Add(("several-errors.view-response", new ViewErrorsResponse(new Dictionary<string, string> { [StakeholderModalRenderer.SeveralBlockId] = badLines.Text }), typeof(ViewSubmissionResponse)));

        // Large maps and the digest, built directly.
        var workspace = CoreHarness.WorkspaceA;
        foreach (var size in new[] { 0, 60, 150 })
        {
            var map = MapBuilder.For(workspace).Named($"Big {size}").WithStakeholders(size).Build();
            Respond($"map-{size}", views.Build(map) with { Visibility = ReplyVisibility.Channel });
            Post($"map-{size}", views.Build(map, "Ana added someone."));
            var form = new StakeholderFormView(FormMode.Add, map.Id, map.Name, null, Guid.NewGuid().ToString("N"), new(), new Dictionary<string, string>(),
                [.. map.Stakeholders.Select(s => new PersonOption(s.Id, s.Name))]);
            results.Add(($"form-{size}.modal", modals.Render(form, Channel), typeof(ModalView)));
            results.Add(($"form-{size}-expanded.modal", modals.Render(form with { Expanded = true }, Channel), typeof(ModalView)));
        }

        // CSV export and import, through the core, then a 500-row preview built directly.
        var imports = new ImportModalRenderer();
        Respond("export", await core.SendAsync("map Acme export"));
        Respond("history-export", await core.SendAsync("map Acme history export"));
        var importForm = (ImportFormView)await core.SendAsync("map Acme import");
        results.Add(("import-form.modal", imports.Form(importForm, Channel), typeof(ModalView)));
        results.Add(("import-form.views-open", new ViewsOpenRequest("1337.42.trigger", imports.Form(importForm, Channel)), typeof(ViewsOpenRequest)));
        Respond("import-form-button", importForm);
        var csv = "Name,Title,Favourite colour\n" + string.Join("\n", HostileNames.Select(n => $"\"{n.Replace("\"", "\"\"", StringComparison.Ordinal)}\",VP <b>")) + "\nJane Doe,CFO\n,no name\n";
        var preview = (ImportPreviewView)await core.Dispatcher.PreviewImportAsync("Acme", csv, core.Context, CancellationToken.None);
        results.Add(("import-preview-update.view-response", ViewSubmissionResponse.Update(imports.Preview(preview, Channel)), typeof(ViewSubmissionResponse)));
        Respond("import-preview-summary", preview);
        var badCsv = (ImportFormView)await core.Dispatcher.PreviewImportAsync("Acme", "Nom;Titre\nJane;CFO", core.Context, CancellationToken.None);
        results.Add(("import-errors.view-response", new ViewErrorsResponse(ImportModalRenderer.ErrorsByBlock(badCsv)), typeof(ViewSubmissionResponse)));
        results.Add(("import-rejected.modal", imports.Form(badCsv with { CsvText = new string('x', 10_000) }, Channel), typeof(ModalView)));
        results.Add(("import-500.modal", imports.Preview(BigPreview(300, 150, 50), Channel), typeof(ModalView)));
        results.Add(("import-nothing.modal", imports.Preview(BigPreview(0, 0, 3), Channel), typeof(ModalView)));
        results.Add(("import-expired.view-response", ViewSubmissionResponse.Update(imports.Notice(new NoticeView(Tone.Warning, "This import preview has expired."))), typeof(ViewSubmissionResponse)));

        // As the digest sender posts them: with the metadata its delivery check looks for.
        var digestKey = new DigestKey(WorkspaceKey.ForSlack(null, "T0ACME"), Channel, "2026-W10");
        Post("digest-300", Digest(300), SlackDigestMetadata.For(digestKey));
        Post("digest-1", Digest(1), SlackDigestMetadata.For(digestKey));
        results.Add(("failure.respond", messages.Failure(), typeof(SlackMessage)));

        // Nudges, as the nudge sender posts them to a direct-message channel.
        foreach (var (name, nudge) in new[] { ("nudge-30", Nudge(30)), ("nudge-1", Nudge(1)), ("nudge-removed", RemovedNudge()) })
        {
            var m = NudgeBlocks.Render(nudge);
            results.Add((name + ".message", new ChatPostMessageRequest("D0ANA", m.Text, m.Blocks, null, null), typeof(ChatPostMessageRequest)));
        }

        return results;
    }

    /// <summary>A due-steps nudge of <paramref name="steps"/> steps with hostile names (more than a message holds when 30).</summary>
    public static Nudge Nudge(int steps)
    {
        var due = Enumerable.Range(0, steps)
            .Select(i => new NudgeStep(Guid.NewGuid(), "Globex <Corp> & Co", Guid.NewGuid(), HostileNames[i % HostileNames.Length], "send the *proposal* <!here> " + new string('p', 200), new DateOnly(2026, 3, 1)))
            .ToList();
        return new Nudge(NudgeOccasion.DueSteps, new UserRef("U0ANA", "Ana Rep"), steps == 1 ? "Your next step on Jane Doe is due." : $"{steps} of your next steps are due.", [.. due.Select(s => $"{s.Name} ({s.Account}): {s.NextStep} — due 2026-03-01, overdue")], due);
    }

    private static Nudge RemovedNudge() =>
        new(NudgeOccasion.StakeholderRemoved, new UserRef("U0ANA", "Ana Rep"), "Bo Seller removed Jane <Doe> from Globex <Corp> & Co.", ["You owned this relationship; the map's history keeps what was there."], [], "Globex <Corp> & Co");

    /// <summary>A preview as a 500-row CRM paste would give: long names and details in every list.</summary>
    public static ImportPreviewView BigPreview(int add, int update, int errors) => new(
        Guid.NewGuid(),
        "Globex <Corp> & Co",
        "\"Globex <Corp> & Co\"",
        Guid.NewGuid().ToString("N"),
        [.. Enumerable.Range(0, add).Select(i => new ImportLine(i + 2, HostileNames[i % HostileNames.Length] + " " + new string('n', 90), "VP Procurement, Finance & Operations · economic buyer · power 4 · interest 3 · " + new string('d', 200)))],
        [.. Enumerable.Range(0, update).Select(i => new ImportLine(add + i + 2, $"Existing Person {i}", "title: Director → Senior Director of Strategic Partnerships; stance: neutral → supporter"))],
        12,
        [.. Enumerable.Range(0, errors).Select(i => new ImportLine(add + update + i + 2, $"Broken Row {i}", "Power must be a whole number from 1 to 5 (got \"high\")."))],
        [.. Enumerable.Range(0, 60).Select(i => $"Custom CRM Field {i} <!here>")]);

    public static Digest Digest(int accounts)
    {
        var items = Enumerable.Range(1, accounts).Select(i => new DigestItem
        {
            MapId = Guid.NewGuid(),
            Name = i % 2 == 0 ? $"Account {i} <!channel>" : $"Account {i} ünïcødé",
            Owner = i % 3 == 0 ? new UserRef("teams-user-not-slack", "<@U0EVIL> Mallory") : new UserRef("U0OWNER" + i, "Olivia"),
            Gaps = [new CoverageGap(CoverageGapKind.NoChampion, "No champion")],
            Summary = "no champion; not reviewed for 41 days",
            Severity = 100 - i,
            CommandName = $"\"Account {i}\"",
        }).ToList();
        return new Digest(items.Take(25).ToList(), Math.Max(0, accounts - 25));
    }

    private static async Task SubmitAsync(CoreHarness core, string map, string name)
    {
        var form = (StakeholderFormView)await core.SendAsync($"map {map} add");
        var reply = await core.Dispatcher.SubmitStakeholderAsync(new(form.MapId, null, form.SubmissionId, new() { Name = name, Title = "Head of " + name }), core.Context, CancellationToken.None);
        if (reply.Reply is not MapView)
            throw new InvalidOperationException($"Could not add {name}: {reply}");
    }
}
