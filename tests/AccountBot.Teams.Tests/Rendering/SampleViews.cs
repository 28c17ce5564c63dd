using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>Realistic views of every kind the bot renders, with fixed ids where a golden file needs them.</summary>
internal static class SampleViews
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly UserRef Ana = new("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "Ana Rep");
    public static readonly Guid MapId = Guid.Parse("1b0e6f0c-43c8-4c61-9d3c-2f3f4b9a0a01");
    public static readonly Guid JaneId = Guid.Parse("2c1f7a1d-54d9-4d72-8e4d-3a4a5cab1b02");
    public static readonly Guid OmarId = Guid.Parse("3d2a8b2e-65ea-4e83-9f5e-4b5b6dbc2c03");
    public static readonly WorkspaceKey Workspace = WorkspaceKey.ForTeams("72f988bf-86f1-41af-91ab-2d7cd011db47");

    private static MapViewFactory Factory => new(new CoverageOptions(), new FakeTimeProvider(Now));

    /// <summary>A small map with fixed ids and dates (golden file).</summary>
    public static MapView SmallMap() => new(
        MapId,
        "Acme Corp",
        MapKind.Sales,
        "Ana Rep",
        7,
        [
            new CoverageGap(CoverageGapKind.NoSigner, "No signer: nobody who signs the contract is on the map."),
            new CoverageGap(CoverageGapKind.SingleThreaded, "Single-threaded: only 2 active stakeholders (3 or more recommended)."),
        ],
        [
            new RoleGroup("Champion", Role.Champion,
            [
                new StakeholderLine(JaneId, "Jane Doe", "VP Finance", Role.Champion | Role.Influencer, GridQuadrant.ManageClosely, 4, 5,
                    Stance.Supporter, "Ana Rep", RelationshipStrength.Strong, StakeholderStatus.Active, "Send the ROI model", new DateOnly(2026, 3, 9), null),
            ]),
            new RoleGroup("Decision maker", Role.DecisionMaker,
            [
                new StakeholderLine(OmarId, "Omar Haddad", "CFO", Role.DecisionMaker, GridQuadrant.KeepSatisfied, 5, 2,
                    Stance.Skeptic, null, RelationshipStrength.None, StakeholderStatus.Active, null, null, null),
            ]),
        ],
        2,
        new Stamp(Now.AddDays(-3), Ana),
        new Stamp(Now.AddDays(-10), new UserRef("U2", "Ben Sales")),
        1)
    {
        CommandName = "Acme Corp",
        Notice = "Ana Rep added Jane Doe.",
    };

    /// <summary>A generated map of <paramref name="people"/> people, through the core's own view factory.</summary>
    public static MapView BigMap(int people, string name = "Globex") =>
        Factory.Build(MapBuilder.For(Workspace).Named(name).WithStakeholders(people).Build()) with { CommandName = name };

    public static MapView UnicodeMap() =>
        Factory.Build(MapBuilder.For(Workspace).Named("Société Générale — Zürich 東京 🚀")
            .WithStakeholder("Zoë Ångström-Müller", p => p.Titled(new string('Ü', 120)).WithRoles(Role.Champion).WithNotes("naïve café"))
            .WithStakeholder(new string('x', 100), p => p.WithRoles(Role.Blocker))
            .Build()) with { CommandName = "Société Générale — Zürich 東京 🚀" };

    /// <summary>A rejected edit: errors on several fields and the user's input kept (golden file).</summary>
    public static StakeholderFormView FormWithErrors() => new(
        FormMode.Add,
        MapId,
        "Acme Corp",
        null,
        "4f3b9c3f2e6a4d1c9b8a7f6e5d4c3b2a",
        new StakeholderFormValues
        {
            Name = string.Empty,
            Title = "Head of IT",
            Email = "jane.doe(at)acme",
            ProfileUrl = "linkedin/jane",
            ReportsToId = OmarId.ToString(),
            Roles = "Champion,Influencer",
            Power = "4",
            Interest = "9",
            Stance = "Supporter",
            Raci = "Consulted",
            OwnerId = Ana.Id,
            OwnerName = Ana.Name,
            Strength = "Good",
            LastContacted = "2026-02-20",
            NextStep = "Demo to the IT team",
            NextStepDue = "2026-03-10",
            Notes = "Met at the partner summit.\nLikes data.",
            Status = "Active",
            RelatedToId = JaneId.ToString(),
            RelationshipKind = "Ally",
            RelationshipNote = "Worked together at Initech",
        },
        new Dictionary<string, string>
        {
            [StakeholderFields.Name] = "Name is required.",
            [StakeholderFields.Email] = "E-mail must look like name@example.com.",
            [StakeholderFields.ProfileUrl] = "Profile URL must be an http(s) address.",
            [StakeholderFields.Interest] = "Interest is a number from 1 to 5.",
        },
        [new PersonOption(JaneId, "Jane Doe"), new PersonOption(OmarId, "Omar Haddad")]);

    public static StakeholderFormView EmptyForm(int people = 0) => new(
        FormMode.Add, MapId, "Acme Corp", null, "sub-1", new StakeholderFormValues { Name = "Jane Doe" },
        new Dictionary<string, string>(),
        [.. Enumerable.Range(1, people).Select(i => new PersonOption(Guid.NewGuid(), string.Create(CultureInfo.InvariantCulture, $"Person {i:D3} with a fairly long name")))]);

    public static Digest Digest(int items, int more = 0) => new(
        [.. Enumerable.Range(1, items).Select(i => new DigestItem
        {
            MapId = Guid.NewGuid(),
            Name = string.Create(CultureInfo.InvariantCulture, $"Account {i}"),
            Owner = new UserRef(string.Create(CultureInfo.InvariantCulture, $"aad-{i % 3}"), string.Create(CultureInfo.InvariantCulture, $"Owner {i % 3}")),
            Gaps = [new CoverageGap(CoverageGapKind.NoChampion, "No champion")],
            Summary = "no champion; not reviewed for 41 days",
            Severity = 10,
            CommandName = CommandParser.Quote(string.Create(CultureInfo.InvariantCulture, $"Account {i}")),
        })],
        more);

    public static MapListView MapList(int count) => new(
        [.. Enumerable.Range(1, count).Select(i => new MapListEntry(
            string.Create(CultureInfo.InvariantCulture, $"Account number {i:D3} Holdings"),
            string.Create(CultureInfo.InvariantCulture, $"Account number {i:D3} Holdings"),
            MapKind.Sales,
            "Ana Rep",
            i % 7,
            [new CoverageGap(CoverageGapKind.NoChampion, "No champion: nobody argues for us inside the account."), new CoverageGap(CoverageGapKind.NoSigner, "No signer.")],
            Now.AddDays(-i)))],
        count);

    public static IEnumerable<(string Name, Reply View)> All()
    {
        yield return ("map-small", SmallMap());
        yield return ("map-60", BigMap(60));
        yield return ("map-500", BigMap(500));
        yield return ("map-unicode", UnicodeMap());
        yield return ("map-empty", Factory.Build(MapBuilder.For(Workspace).Named("Initech").Build()) with { CommandName = "Initech" });
        yield return ("form-errors", FormWithErrors());
        yield return ("form-add", EmptyForm(3));
        yield return ("form-add-expanded", EmptyForm(3) with { Expanded = true });
        yield return ("form-500-people", EmptyForm(500));
        yield return ("form-edit", FormWithErrors() with { Mode = FormMode.Edit, StakeholderId = JaneId, Errors = new Dictionary<string, string>() });
        yield return ("help", new HelpView([new HelpExample("map Acme", "Show the Acme map"), new HelpExample("map list", "All maps, worst gaps first")], "Hi! I keep account maps."));
        yield return ("notice-info", new NoticeView(Tone.Info, "Linked this channel to Acme Corp."));
        yield return ("notice-error", new NoticeView(Tone.Error, "I did not understand that.", "map Acme add Jane Doe champion"));
        yield return ("not-found", new MapNotFoundView("Acme", ["Acme Corp", "Acme Industries"]) { CreateCommand = "map Acme create" });
        yield return ("person-choice", new PersonChoiceView("Several people match “jan”:", [new PersonChoice("Jane Doe (VP Finance)", "map Acme edit id:1"), new PersonChoice("Jan Novak", "map Acme edit id:2")]));
        yield return ("confirm-remove", new ConfirmRemoveView(MapId, "Acme Corp", JaneId, "Jane Doe") { ConfirmCommand = "map \"Acme Corp\" remove id:2c1f" });
        yield return ("confirm-erase", new ConfirmEraseView(MapId, "Acme Corp", JaneId, "Jane Doe") { ConfirmCommand = "map \"Acme Corp\" confirm-erase id:2c1f", CancelCommand = "map \"Acme Corp\"" });
        yield return ("list-300", MapList(300));
        yield return ("list-empty", new MapListView([], 0));
        yield return ("history", new HistoryView("Acme Corp", "Acme Corp", [.. Enumerable.Range(1, 80).Select(i => new HistoryEntry(MapId, i, Now.AddHours(-i), Ana, string.Create(CultureInfo.InvariantCulture, $"Changed power of Jane Doe to {i % 5 + 1}"), []))]));
        yield return ("settings", new SettingsView("deals", true, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", 30, 45, ["Acme Corp", "Globex"], new Core.Channels.DeliveryFailure(Now, "403 MessageWritesBlocked")) { Notice = "Saved." });
        yield return ("picture", new PictureView(MapId, "Acme Corp", "Acme Corp", 7, MapPicture.Grid, [new PictureSection("Manage closely", ["Jane Doe (4/5)"]), new PictureSection("Monitor", [])]) { ImageUrl = new Uri("https://bot.example.com/pictures/acme-grid.png") });
        yield return ("picture-text-only", new PictureView(MapId, "Acme Corp", "Acme Corp", 7, MapPicture.Onion, [new PictureSection("Ring 1", ["Omar Haddad"])]));
        yield return ("digest", Digest(5));
        yield return ("digest-300", Digest(20, 280));
        yield return ("export", Export() with { DownloadUrl = new Uri("https://bot.example.com/exports/acme-corp.csv?sig=abc&exp=1772442000") });
        yield return ("export-no-url", Export());
        yield return ("history-export", Export() with { FileName = "acme-corp-history.csv", Rows = 42, Contents = ExportContents.History, DownloadUrl = new Uri("https://bot.example.com/exports/acme-corp-history.csv") });
        yield return ("import-form", new ImportFormView("Acme Corp", 1_000_000, 500));
        yield return ("import-form-error", new ImportFormView("Acme Corp", 1_000_000, 500) { CsvText = "Nom;Titre\nJane Doe;VP Finance\n", Error = "The first line must name the columns; there is no Name column.", ErrorField = ImportFormView.CsvField });
        yield return ("import-form-long-text", new ImportFormView(null, 1_000_000, 500) { CsvText = new string('x', 200_000), Error = "Say which account to import into, e.g. Acme Corp.", ErrorField = ImportFormView.AccountField });
        yield return ("import-preview", ImportPreview(3, 2, 1));
        yield return ("import-preview-500", ImportPreview(300, 150, 50, ignored: 40));
        yield return ("import-preview-nothing", ImportPreview(0, 0, 2));
        foreach (var hostile in HostileViews.All())
            yield return hostile;
    }

    public const string ImportId = "imp_7Hc2kQ";

    public static ExportView Export() =>
        new(MapId, "Acme Corp", "acme-corp-stakeholders.csv", "Name,Title\nJane Doe,VP Finance\nOmar Haddad,CFO\n"u8.ToArray(), 2);

    /// <summary>A preview with long names and details, as a 500-row paste from a CRM would give.</summary>
    public static ImportPreviewView ImportPreview(int add, int update, int errors, int ignored = 2) => new(
        MapId,
        "Acme Corp",
        "\"Acme Corp\"",
        ImportId,
        [.. Enumerable.Range(0, add).Select(i => new ImportLine(i + 2, string.Create(CultureInfo.InvariantCulture, $"Person Number {i} Longname-Hyphenated"), "VP Procurement, Finance & Operations · economic buyer · power 4 · interest 3"))],
        [.. Enumerable.Range(0, update).Select(i => new ImportLine(add + i + 2, string.Create(CultureInfo.InvariantCulture, $"Existing Person {i}"), "title: Director → Senior Director of Strategic Partnerships; stance: neutral → supporter"))],
        12,
        [.. Enumerable.Range(0, errors).Select(i => new ImportLine(add + update + i + 2, string.Create(CultureInfo.InvariantCulture, $"Broken Row {i}"), "Power must be a whole number from 1 to 5 (got \"high\")."))],
        [.. Enumerable.Range(0, ignored).Select(i => string.Create(CultureInfo.InvariantCulture, $"Custom CRM Field {i}"))]);
}
