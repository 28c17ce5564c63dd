using System.Text;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using AccountBot.Testing.Builders;
using AccountBot.Testing.Fakes;
using CsvHelper;

namespace AccountBot.Core.Tests.Csv;

/// <summary>
/// The export's guarantees cell by cell: no cell a spreadsheet would run as a formula, every column filled from its
/// own field, a stable row order and a file name that is safe anywhere.
/// </summary>
public sealed class StakeholderCsvWriterMutationTests
{
    /// <summary>The export read back with a plain CSV reader: header, then one dictionary per row, by header name.</summary>
    private static List<Dictionary<string, string>> ReadBack(AccountMap map)
    {
        var bytes = StakeholderCsvWriter.Write(map);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(bytes[3..]), CsvReaderOptions.Default);
        var header = csv.Headers;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var record = csv.Current;
            var row = new Dictionary<string, string>();
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = record.GetString(i) ?? string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static Dictionary<string, string> Row(Stakeholder person, params Stakeholder[] others)
    {
        var map = MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme Corp").WithStakeholder(person);
        foreach (var other in others)
        {
            map = map.WithStakeholder(other);
        }

        return ReadBack(map.Build()).Single(r => r["Name"] == person.Name);
    }

    public static TheoryData<string> FormulaLeads => ["=", "+", "-", "@", "\t", "\r"];

    [Theory]
    [MemberData(nameof(FormulaLeads))]
    public void Write_CellStartingWithFormulaCharacter_GetsTheGuardInFront(string lead)
    {
        var payload = lead + "HYPERLINK(\"https://evil.example\",\"x\")";
        var person = StakeholderBuilder.Named("Jane Doe").Titled(payload, payload).WithNotes(payload)
            .WithNextStep(payload).WithEmail("jane@example.com").Build();

        var row = Row(person);

        Assert.Equal(StakeholderCsvWriter.FormulaGuard + payload, row["Title"]);
        Assert.Equal(StakeholderCsvWriter.FormulaGuard + payload, row["Department"]);
        Assert.Equal(StakeholderCsvWriter.FormulaGuard + payload, row["Notes"]);
        Assert.Equal(StakeholderCsvWriter.FormulaGuard + payload, row["Next Step"]);
    }

    [Theory]
    [MemberData(nameof(FormulaLeads))]
    public void Write_NameStartingWithFormulaCharacter_GetsTheGuardInFront(string lead)
    {
        var name = lead + "cmd|' /C calc'!A0";
        var bytes = StakeholderCsvWriter.Write(MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme").WithStakeholder(name).Build());

        Assert.Contains("\"" + StakeholderCsvWriter.FormulaGuard + name + "\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sum = 1")]
    [InlineData("Ann-Marie")]
    [InlineData("'quoted'")]
    public void Write_FormulaCharacterNotFirst_CellUnchanged(string text)
    {
        var row = Row(StakeholderBuilder.Named("Jane Doe").WithNotes(text).Build());

        Assert.Equal(text, row["Notes"]);
    }

    [Fact]
    public void Write_EveryColumn_FilledFromItsOwnField()
    {
        var boss = StakeholderBuilder.Named("Dana Boss").Build();
        var jane = StakeholderBuilder.Named("Jane Doe").Titled("VP Procurement", "Finance").WithEmail("jane@example.com")
            .WithProfile("https://www.linkedin.com/in/jane").ReportingTo(boss).WithRoles(Role.Champion | Role.Signer)
            .WithScores(5, 3).WithStance(Stance.Supporter).WithRaci(Raci.Accountable)
            .OwnedBy(new UserRef("U1", "Rita Rep"), RelationshipStrength.Strong).LastContactedOn(new DateOnly(2025, 2, 28))
            .WithNextStep("send proposal", new DateOnly(2025, 4, 1)).WithNotes("likes data").WithStatus(StakeholderStatus.Active).Build();

        var row = Row(jane, boss);

        Assert.Equal("Jane Doe", row["Name"]);
        Assert.Equal("VP Procurement", row["Title"]);
        Assert.Equal("Finance", row["Department"]);
        Assert.Equal("jane@example.com", row["Email"]);
        Assert.Equal("https://www.linkedin.com/in/jane", row["Profile URL"]);
        Assert.Equal("Dana Boss", row["Reports To"]);
        Assert.Equal("5", row["Power"]);
        Assert.Equal("3", row["Interest"]);
        Assert.Equal("Accountable", row["RACI"]);
        Assert.Equal("Rita Rep", row["Relationship Owner"]);
        Assert.Equal("2025-02-28", row["Last Contacted"]);
        Assert.Equal("send proposal", row["Next Step"]);
        Assert.Equal("2025-04-01", row["Next Step Due"]);
        Assert.Equal("likes data", row["Notes"]);
        Assert.Equal(2, row["Roles"].Split("; ").Length);
    }

    [Fact]
    public void Write_EmptyFields_EmptyCells()
    {
        var row = Row(StakeholderBuilder.Named("Jane Doe").Build());

        foreach (var column in new[] { "Title", "Department", "Email", "Profile URL", "Reports To", "RACI", "Relationship Owner", "Last Contacted", "Next Step", "Next Step Due", "Notes", "Relationships" })
        {
            Assert.True(row[column].Length == 0, $"{column}: '{row[column]}'");
        }
    }

    [Fact]
    public void Write_ManagerNotOnTheMap_EmptyReportsTo()
    {
        Assert.Equal(string.Empty, Row(StakeholderBuilder.Named("Jane Doe").ReportingTo(Guid.NewGuid()).Build())["Reports To"]);
    }

    [Fact]
    public void Write_NullMap_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => StakeholderCsvWriter.Write(null!));
        Assert.Throws<ArgumentNullException>(() => StakeholderCsvWriter.FileName(null!));
    }

    [Fact]
    public void Write_Relationships_OnlyThePersonsOwnSortedWithNotes()
    {
        var ann = StakeholderBuilder.Named("Ann").Build();
        var bob = StakeholderBuilder.Named("Bob").Build();
        var cy = StakeholderBuilder.Named("Cy").Build();
        var map = MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme")
            .WithStakeholder(ann).WithStakeholder(bob).WithStakeholder(cy)
            .WithRelationship(ann, cy, RelationshipKind.Influences)
            .WithRelationship(ann, bob, RelationshipKind.Influences, "weekly")
            .WithRelationship(bob, cy, RelationshipKind.Influences)
            .Build();

        var rows = ReadBack(map);

        Assert.Equal("influences Bob (weekly); influences Cy", rows.Single(r => r["Name"] == "Ann")["Relationships"]);
        Assert.Equal("influences Cy", rows.Single(r => r["Name"] == "Bob")["Relationships"]);
        Assert.Equal(string.Empty, rows.Single(r => r["Name"] == "Cy")["Relationships"]);
    }

    [Fact]
    public void Write_Rows_ByNameIgnoringCaseThenById()
    {
        var first = StakeholderBuilder.Named("same").WithId(Guid.Parse("00000000-0000-0000-0000-000000000001")).WithNotes("first").Build();
        var second = StakeholderBuilder.Named("Same").WithId(Guid.Parse("00000000-0000-0000-0000-000000000002")).WithNotes("second").Build();
        var map = MapBuilder.For(CoreHarness.WorkspaceA).Named("Acme")
            .WithStakeholder("bob").WithStakeholder(second).WithStakeholder("Anna").WithStakeholder(first).Build();

        Assert.Equal(["Anna", "bob", "same", "Same"], ReadBack(map).Select(r => r["Name"]));
        Assert.Equal(["first", "second"], ReadBack(map).Where(r => r["Name"].Equals("same", StringComparison.OrdinalIgnoreCase)).Select(r => r["Notes"]));
    }

    [Theory]
    [InlineData("Acme Corp", "acme-corp-stakeholders.csv")]
    [InlineData("Ärzte & Söhne GmbH", "arzte-sohne-gmbh-stakeholders.csv")]
    [InlineData("  a..b__c--d  ", "a-b-c-d-stakeholders.csv")]
    [InlineData("-Acme-", "acme-stakeholders.csv")]
    [InlineData("ACME/../etc", "acme-etc-stakeholders.csv")]
    [InlineData("日本", "account-stakeholders.csv")]
    [InlineData("Acme.", "acme-stakeholders.csv")]
    public void FileName_AnyMapName_LowercaseAsciiSlug(string name, string expected)
    {
        Assert.Equal(expected, StakeholderCsvWriter.FileName(MapBuilder.For(CoreHarness.WorkspaceA).Named(name).Build()));
    }
}
