using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Privacy;
using AccountBot.Testing.Builders;

namespace AccountBot.Core.Tests.Features.Privacy;

public sealed class PersonErasureTests
{
    private static readonly UserRef Ana = new("U1", "Ana Rep");
    private static readonly Stakeholder Jane = StakeholderBuilder.Named("Jane Doe").Build();

    private static HistoryEntry Entry(int version, string summary, params FieldChange[] fields) =>
        new(Guid.Empty, version, MapBuilder.DefaultTime, Ana, summary, fields);

    [Fact]
    public void For_RenamedInTheHistory_FindsEveryFormerName()
    {
        var erasure = PersonErasure.For(Jane, [Entry(2, "edited Jane Doe", new FieldChange("Jane Doe: name", "Jane Smith", "Jane Doe")), Entry(3, "edited Jane Smith", new FieldChange("Jane Smith: name", "J. Smith", "Jane Smith"))]);

        Assert.Equal(["Jane Doe", "Jane Smith", "J. Smith"], erasure.Names);
        Assert.Equal("met [erased] and [erased]", erasure.Redact("met Jane Smith and J. Smith"));
    }

    [Fact]
    public void Redact_WholeWordsOnly_CaseInsensitive()
    {
        var erasure = PersonErasure.For(StakeholderBuilder.Named("Al").Build(), []);

        Assert.Equal("Also ask [erased] (or [erased]) about Alps", erasure.Redact("Also ask al (or AL) about Alps"));
    }

    [Fact]
    public void Scrub_EntryAboutHerAlone_Removed()
    {
        var erasure = PersonErasure.For(Jane, []);

        Assert.Null(erasure.Scrub(Entry(2, "added Jane Doe", new FieldChange("Jane Doe: name", null, "Jane Doe"), new FieldChange("Jane Doe: email", null, "jd@acme.example"))));
        Assert.Null(erasure.Scrub(Entry(3, "recorded that John Roe influences Jane Doe", new FieldChange("relationship", null, "John Roe influences Jane Doe"))));
    }

    [Fact]
    public void Scrub_EntryAlsoAboutOthers_KeepsTheirFieldsOnly()
    {
        var erasure = PersonErasure.For(Jane, []);
        var entry = Entry(4, "imported 2 people (Jane Doe, John Roe)", new FieldChange("Jane Doe: title", null, "CFO"), new FieldChange("John Roe: reports to", null, "Jane Doe"), new FieldChange("John Roe: title", null, "CTO"));

        var scrubbed = erasure.Scrub(entry);

        Assert.Equal("imported 2 people ([erased], John Roe)", scrubbed!.Summary);
        Assert.Equal([new FieldChange("John Roe: title", null, "CTO")], scrubbed.Fields);
    }

    [Fact]
    public void Scrub_EntryNeverNamingHer_SameInstance()
    {
        var entry = Entry(5, "edited John Roe", new FieldChange("John Roe: title", "CTO", "CEO"));

        Assert.Same(entry, PersonErasure.For(Jane, []).Scrub(entry));
    }

    [Fact]
    public void Apply_RemovesHerRelationshipsAndMentions_ReportsMoveUp()
    {
        var boss = StakeholderBuilder.Named("Omar Haddad").Build();
        var jane = Jane with { ReportsToId = boss.Id };
        var john = StakeholderBuilder.Named("John Roe").ReportingTo(jane.Id).WithNotes("Jane Doe's deputy").Build();
        var map = MapBuilder.For(WorkspaceKey.ForSlack(null, "T1")).WithStakeholder(boss).WithStakeholder(jane).WithStakeholder(john)
            .WithRelationship(john, jane, RelationshipKind.Ally).WithRelationship(john, boss, RelationshipKind.Influences, "since Jane Doe left").Build();

        var change = PersonErasure.For(jane, []).Apply(map, new Stamp(MapBuilder.DefaultTime, Ana));

        Assert.Equal(PrivacyTexts.ErasedSummary, change.History.Summary);
        Assert.Empty(change.History.Fields);
        Assert.DoesNotContain(change.Map.Stakeholders, s => s.Id == jane.Id);
        var left = change.Map.FindById(john.Id)!;
        Assert.Equal(boss.Id, left.ReportsToId);
        Assert.Equal("[erased]'s deputy", left.Notes);
        var relationship = Assert.Single(change.Map.Relationships);
        Assert.Equal("since [erased] left", relationship.Note);
    }
}
