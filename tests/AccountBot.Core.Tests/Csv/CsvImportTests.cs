using System.Globalization;
using System.Text;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;

namespace AccountBot.Core.Tests.Csv;

public sealed class CsvImportTests : IDisposable
{
    private readonly CoreHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<AccountMap> SeedAsync(AccountMap map)
    {
        var saved = await harness.Store.SaveAsync(new MapWrite(map, new HistoryEntry(map.Id, 1, map.Created.At, map.Owner, "seeded", [])), CancellationToken.None);
        return saved.Map!;
    }

    private static AccountMap RichMap()
    {
        var boss = StakeholderBuilder.Named("Dana Boss").Complete().WithStatus(StakeholderStatus.Active).Build();
        var jane = StakeholderBuilder.Named("Jane Doe").Complete().ReportingTo(boss)
            .WithNotes("=SUM(A1) said \"hi\", then left,\nnew line").WithNextStep("-call her", new DateOnly(2025, 4, 1)).Build();
        var left = StakeholderBuilder.Named("Åsa Öberg").WithRoles(Role.EndUser | Role.Gatekeeper).WithScores(1, 2)
            .WithStance(Stance.Opponent).WithStatus(StakeholderStatus.LeftCompany).ReportingTo(jane).Build();
        return MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp")
            .WithStakeholder(boss).WithStakeholder(jane).WithStakeholder(left)
            .WithRelationship(jane, boss, RelationshipKind.Influences, "weekly")
            .Build();
    }

    private Task<Reply> PreviewAsync(string csv, string account = "Acme Corp") =>
        harness.Dispatcher.PreviewImportAsync(account, csv, harness.Context, CancellationToken.None);

    private async Task<Reply> ApplyAsync(ImportPreviewView preview) =>
        (await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, harness.Context, CancellationToken.None)).Reply;

    [Fact]
    public async Task Export_Map_OneRowPerPersonWithBomAndFileName()
    {
        await SeedAsync(RichMap());

        var export = Assert.IsType<ExportView>(await harness.SendAsync("map acme corp export"));

        Assert.Equal("acme-corp-stakeholders.csv", export.FileName);
        Assert.Equal(3, export.Rows);
        Assert.Equal([0xEF, 0xBB, 0xBF], export.Content[..3]);
        var text = Encoding.UTF8.GetString(export.Content[3..]);
        Assert.StartsWith("Name,Title,Department,Email,Profile URL,Reports To,Roles,Power,Interest,Stance,RACI,Relationship Owner,Relationship Strength,Last Contacted,Next Step,Next Step Due,Notes,Needs,Plan,Status,Relationships\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Jane Doe,VP Procurement,Finance,janedoe@example.com,https://www.linkedin.com/in/janedoe,Dana Boss,Decision maker; Signer; Champion,5,4,supporter,Accountable,Rita Rep,strong,2025-02-28,\"'-call her\",2025-04-01,", text, StringComparison.Ordinal);
        Assert.Contains("\"'=SUM(A1) said \"\"hi\"\", then left,\nnew line\"", text, StringComparison.Ordinal);
        Assert.Contains("influences Dana Boss (weekly)", text, StringComparison.Ordinal);
        Assert.Contains("left the company", text, StringComparison.Ordinal);
        Assert.Null(export.DownloadUrl);
    }

    [Fact]
    public async Task Import_OwnExport_ChangesNothing()
    {
        var map = await SeedAsync(RichMap());
        var export = Assert.IsType<ExportView>(await harness.SendAsync("map Acme Corp export"));
        var csv = Encoding.UTF8.GetString(export.Content);

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync(csv));

        Assert.Empty(preview.Errors);
        Assert.Empty(preview.ToAdd);
        Assert.Empty(preview.ToUpdate);
        Assert.Equal(3, preview.Unchanged);
        Assert.False(preview.CanApply);
        Assert.Equal(["Relationships"], preview.IgnoredColumns);
        var notice = Assert.IsType<NoticeView>(await ApplyAsync(preview));
        Assert.Contains("Nothing to import", notice.Text, StringComparison.Ordinal);
        Assert.Equal(map, await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Import_OwnExportIntoEmptyMap_RecreatesEveryField()
    {
        var source = await SeedAsync(RichMap());
        var csv = Encoding.UTF8.GetString(StakeholderCsvWriter.Write(source));
        await harness.SendAsync("map Globex create");

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync(csv, "Globex"));
        Assert.Empty(preview.Errors);
        Assert.Equal(3, preview.ToAdd.Count);
        Assert.Contains(preview.ToAdd, l => l.Detail.Contains("owner \"Rita Rep\" is not a known user", StringComparison.Ordinal));
        Assert.IsType<MapView>(await ApplyAsync(preview));

        var copy = (await harness.Store.FindByNameAsync(CoreHarness.WorkspaceA, "Globex", CancellationToken.None))!;
        foreach (var person in source.Stakeholders)
        {
            var twin = copy.Stakeholders.Single(s => s.Name == person.Name);
            // Relationship owners are chat users: a name that is not a user of the target map is not guessed.
            foreach (var (field, read) in StakeholderText.Fields.Where(f => f.Field != "owner"))
            {
                Assert.True(read(person, source) == read(twin, copy), $"{person.Name}: {field} differs: '{read(person, source)}' vs '{read(twin, copy)}'.");
            }
        }
    }

    [Fact]
    public async Task Import_SalesNavigatorLeadList_AddsPeopleAndMatchesByEmail()
    {
        await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp")
            .WithStakeholder("Jane Doe", b => b.WithEmail("jane@acme.example").Titled("Manager")).Build());
        const string csv = """"
            first name , LAST NAME,Title,Company,LinkedIn URL,Email,Location
            Jane,Doe-Smith,Director of IT,Acme Corp,https://www.linkedin.com/sales/lead/ABC123,JANE@acme.example,Berlin
            Omar,Haddad,CFO,Acme Corp,https://www.linkedin.com/in/omarhaddad,,Paris
            "Li, Wei",Chen,"VP ""Ops""",Acme Corp,,wei@acme.example,
            """";

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync(csv));

        Assert.Empty(preview.Errors);
        Assert.Equal(["Omar Haddad", "Li, Wei Chen"], preview.ToAdd.Select(l => l.Name));
        var update = Assert.Single(preview.ToUpdate);
        Assert.Equal(2, update.Line);
        Assert.Contains("title", update.Detail, StringComparison.Ordinal);
        Assert.Equal(["Location"], preview.IgnoredColumns);

        var map = Assert.IsType<MapView>(await ApplyAsync(preview));
        var stored = (await harness.Store.GetAsync(CoreHarness.WorkspaceA, preview.MapId, CancellationToken.None))!;
        Assert.Equal(3, stored.Stakeholders.Count);
        Assert.Equal("Jane Doe-Smith", stored.Stakeholders.Single(s => s.Email == "JANE@acme.example").Name);
        Assert.Equal("VP \"Ops\"", stored.Stakeholders.Single(s => s.Name == "Li, Wei Chen").Title);
        Assert.Contains("added 2, updated 1", map.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Twice_AppliesOnceWithOneHistoryEntry()
    {
        var map = await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());
        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync("Name,Roles\nAna,champion\nBen,\"decision maker; signer\"\n"));

        await ApplyAsync(preview);
        var second = Assert.IsType<MapView>(await ApplyAsync(preview));

        Assert.Contains("already applied", second.Notice, StringComparison.Ordinal);
        var stored = (await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None))!;
        Assert.Equal(2, stored.Stakeholders.Count);
        Assert.Equal(Role.DecisionMaker | Role.Signer, stored.Stakeholders.Single(s => s.Name == "Ben").Roles);
        var history = await harness.Store.GetHistoryAsync(map.Workspace, map.Id, 10, CancellationToken.None);
        var entry = Assert.Single(history, h => h.Summary.Contains("imported", StringComparison.Ordinal));
        Assert.Contains(entry.Fields, f => f.Field == "Ana: name" && f.New == "Ana");
        Assert.Contains(entry.Fields, f => f.Field == "Ben: roles");
    }

    [Fact]
    public async Task Preview_ChangesNothingUntilConfirmed()
    {
        var map = await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());
        var saves = ((InMemoryAccountMapStore)harness.Store).SaveCalls;

        Assert.IsType<ImportPreviewView>(await PreviewAsync("Name\nAna\n"));

        Assert.Equal(saves, ((InMemoryAccountMapStore)harness.Store).SaveCalls);
        Assert.Empty((await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None))!.Stakeholders);
    }

    [Fact]
    public async Task Preview_RowErrors_ReportedByLineAndSkipped()
    {
        await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").WithStakeholder("Old Timer").Build());
        const string csv = "Name,Power,Email,Reports To\n"
            + "Ana,5,ana@acme.example,\n"                  // 2 ok
            + "Ben,9,,\n"                                   // 3 power out of range
            + "\"Cy, Jr\",2,not-an-email,\n"               // 4 bad e-mail
            + "ana,3,,\n"                                   // 5 duplicate of line 2
            + "Dee,3,,Nobody Known\n"                       // 6 unknown manager
            + "Eve,3,,Ana\n"                                // 7 reports to a new person: ok
            + "Fay,\"3,,\n"                                 // 8 unbalanced quote: swallows the rest
            + "Gus,1,,\n";

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync(csv));

        Assert.Equal(["Ana", "Eve"], preview.ToAdd.Select(l => l.Name));
        Assert.Equal([3, 4, 5, 6, 8], preview.Errors.Select(e => e.Line));
        Assert.Contains("Power", preview.Errors[0].Detail, StringComparison.Ordinal);
        Assert.Contains("E-mail", preview.Errors[1].Detail, StringComparison.Ordinal);
        Assert.Contains("line 2", preview.Errors[2].Detail, StringComparison.Ordinal);
        Assert.Contains("Nobody Known", preview.Errors[3].Detail, StringComparison.Ordinal);
        Assert.Contains("quote", preview.Errors[4].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WrongColumnCount_ReportedByLine()
    {
        await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync("Name,Title\nAna,CEO\nBen,CTO,extra\nCy\n"));

        Assert.Equal(["Ana"], preview.ToAdd.Select(l => l.Name));
        Assert.Equal([3, 4], preview.Errors.Select(e => e.Line));
        Assert.All(preview.Errors, e => Assert.Contains("columns", e.Detail, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { string.Empty, "empty" },
        { "   \r\n  ", "empty" },
        { "Company,Location\nAcme,Paris\n", "Name column" },
        { "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\u0004\u00b0", "binary" },
        { new string('x', 10_000_000), "at most 1 MB" },
        { "Name\n" + string.Concat(Enumerable.Range(1, 501).Select(i => $"P{i}\n")), "at most 500" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Preview_UnusableFile_FormAgainWithErrorAndNothingChanged(string csv, string expected)
    {
        var map = await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());

        var form = Assert.IsType<ImportFormView>(await PreviewAsync(csv));

        Assert.Contains(expected, form.Error, StringComparison.Ordinal);
        Assert.Equal(ImportFormView.CsvField, form.ErrorField);
        Assert.Equal("Acme Corp", form.Account);
        Assert.Equal(map, await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Import_FiveHundredRows_AllAddedInOneEdit()
    {
        var map = await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());
        var csv = new StringBuilder("Name,Title,Power,Interest,Roles,Reports To\n");
        for (var i = 1; i <= 500; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Person {i:D3},Title {i},{(i % 5) + 1},{(i % 3) + 1},{(i % 7 == 0 ? "champion" : string.Empty)},{(i > 1 ? $"Person {(i / 2):D3}" : string.Empty)}\n");
        }

        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync(csv.ToString()));
        Assert.Empty(preview.Errors);
        Assert.Equal(500, preview.ToAdd.Count);
        Assert.IsType<MapView>(await ApplyAsync(preview));

        var stored = (await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None))!;
        Assert.Equal(500, stored.Stakeholders.Count);
        Assert.Equal(map.Version + 1, stored.Version);
        var p10 = stored.Stakeholders.Single(s => s.Name == "Person 010");
        Assert.Equal("Person 005", stored.FindById(p10.ReportsToId!.Value)!.Name);
    }

    [Fact]
    public async Task Apply_OtherWorkspace_DoesNotFindThePreview()
    {
        var map = await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());
        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync("Name\nAna\n"));
        var intruder = harness.Context with { Workspace = CoreHarness.WorkspaceB };

        var reply = await harness.Dispatcher.ApplyImportAsync(preview.MapId, preview.ImportId, intruder, CancellationToken.None);

        Assert.IsType<NoticeView>(reply.Reply);
        Assert.Empty((await harness.Store.GetAsync(map.Workspace, map.Id, CancellationToken.None))!.Stakeholders);
    }

    [Fact]
    public async Task Apply_AfterAnHour_PreviewExpired()
    {
        await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());
        var preview = Assert.IsType<ImportPreviewView>(await PreviewAsync("Name\nAna\n"));
        harness.Time.Advance(PendingImports.Lifetime);

        var notice = Assert.IsType<NoticeView>(await ApplyAsync(preview));

        Assert.Contains("expired", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCommand_WithAndWithoutAccount_ShowsForm()
    {
        await SeedAsync(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").Build());

        var named = Assert.IsType<ImportFormView>(await harness.SendAsync("map acme corp import"));
        var open = Assert.IsType<ImportFormView>(await harness.SendAsync("map import"));

        Assert.Equal("Acme Corp", named.Account);
        Assert.Null(open.Account);
        Assert.Equal(500, open.MaxRows);
        Assert.IsType<MapNotFoundView>(await harness.SendAsync("map Nope import"));
    }
}
