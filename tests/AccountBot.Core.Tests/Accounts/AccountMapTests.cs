using AccountBot.Core.Accounts;
using static AccountBot.Core.Tests.Accounts.TestMaps;

namespace AccountBot.Core.Tests.Accounts;

public sealed class AccountMapTests
{
    [Fact]
    public void Create_TrimsNameAndOwnsMapByCreator()
    {
        var change = AccountMap.Create(WorkspaceKey.ForTeams("t"), "  Acme Corp ", MapKind.Partner, At0, new ChannelRef("19:c"));

        Assert.Equal("Acme Corp", change.Map.Name);
        Assert.Equal(MapKind.Partner, change.Map.Kind);
        Assert.Equal(Ana, change.Map.Owner);
        Assert.Equal("19:c", Assert.Single(change.Map.LinkedChannels).Id);
        Assert.Equal("acme corp", change.Map.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankName_Throws(string name)
    {
        var error = Assert.Throws<DomainRuleException>(() => AccountMap.Create(WorkspaceKey.ForTeams("t"), name, MapKind.Sales, At0));
        Assert.Equal(StakeholderFields.MapName, Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void Create_NameTooLong_Throws()
    {
        Assert.Throws<DomainRuleException>(() => AccountMap.Create(WorkspaceKey.ForTeams("t"), new string('a', 101), MapKind.Sales, At0));
    }

    [Fact]
    public void AddStakeholder_RecordsEveryFieldInHistory()
    {
        var jane = Person("Jane Doe", Role.Champion, power: 4) with { Title = "CFO", Email = "jane@acme.com" };

        var change = Empty().AddStakeholder(jane, At0);

        Assert.Equal("added Jane Doe", change.History.Summary);
        Assert.Contains(change.History.Fields, f => f.Field == "Jane Doe: title" && f.Old is null && f.New == "CFO");
        Assert.Contains(change.History.Fields, f => f.Field == "Jane Doe: roles" && f.New == "Champion");
        Assert.Single(change.Map.Stakeholders);
    }

    [Fact]
    public void AddStakeholder_DoesNotChangeOriginalMap()
    {
        var map = Empty();
        map.AddStakeholder(Person("Jane Doe"), At0);
        Assert.Empty(map.Stakeholders);
    }

    [Theory]
    [InlineData("", StakeholderFields.Name)]
    [InlineData("   ", StakeholderFields.Name)]
    public void AddStakeholder_NameRequired(string name, string field)
    {
        var error = Assert.Throws<DomainRuleException>(() => Empty().AddStakeholder(Person(name), At0));
        Assert.Contains(error.Errors, e => e.Field == field);
    }

    [Fact]
    public void AddStakeholder_LengthLimits_NameEachField()
    {
        var person = Person(new string('n', 101)) with
        {
            Title = new string('t', 121),
            Department = new string('d', 121),
            NextStep = new string('x', 501),
            Notes = new string('o', 2001),
        };

        var error = Assert.Throws<DomainRuleException>(() => Empty().AddStakeholder(person, At0));

        Assert.Equal(
            [StakeholderFields.Name, StakeholderFields.Title, StakeholderFields.Department, StakeholderFields.NextStep, StakeholderFields.Notes],
            error.Errors.Select(e => e.Field));
        Assert.Contains("at most 2000", error.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane@acme.com", true)]
    [InlineData("jane.doe+x@mail.acme.co.uk", true)]
    [InlineData("jane", false)]
    [InlineData("jane@acme", false)]
    [InlineData("jane @acme.com", false)]
    [InlineData("<jane@acme.com>", false)]
    public void AddStakeholder_EmailShape(string email, bool valid)
    {
        var person = Person("Jane") with { Email = email };
        var errors = StakeholderRules.Validate(person, Empty());
        Assert.Equal(valid, errors.All(e => e.Field != StakeholderFields.Email));
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/jane", true)]
    [InlineData("http://acme.com/people/jane", true)]
    [InlineData("linkedin.com/in/jane", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://acme.com/x", false)]
    [InlineData("https://localhost/x", false)]
    public void AddStakeholder_ProfileUrlShape(string url, bool valid)
    {
        var person = Person("Jane") with { ProfileUrl = url };
        var errors = StakeholderRules.Validate(person, Empty());
        Assert.Equal(valid, errors.All(e => e.Field != StakeholderFields.ProfileUrl));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void AddStakeholder_ScoresOutOfRange_Rejected(int score)
    {
        var error = Assert.Throws<DomainRuleException>(() => Empty().AddStakeholder(Person("Jane", power: score, interest: score), At0));
        Assert.Equal([StakeholderFields.Power, StakeholderFields.Interest], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void AddStakeholder_DuplicateName_Rejected()
    {
        var map = Empty().With(Person("Jane Doe"));
        var error = Assert.Throws<DomainRuleException>(() => map.AddStakeholder(Person("jane  DOE"), At0));
        Assert.Contains("already on this map", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStakeholder_DueDateWithoutNextStep_Rejected()
    {
        var person = Person("Jane") with { NextStepDue = new DateOnly(2026, 4, 1) };
        var error = Assert.Throws<DomainRuleException>(() => Empty().AddStakeholder(person, At0));
        Assert.Equal(StakeholderFields.NextStep, error.Errors[0].Field);
    }

    [Fact]
    public void ReportsTo_Self_Rejected()
    {
        var jane = Person("Jane");
        var map = Empty().With(jane);
        var error = Assert.Throws<DomainRuleException>(() => map.UpdateStakeholder(jane with { ReportsToId = jane.Id }, At0));
        Assert.Equal(StakeholderFields.ReportsTo, error.Errors[0].Field);
    }

    [Fact]
    public void ReportsTo_SomeoneNotOnMap_Rejected()
    {
        var error = Assert.Throws<DomainRuleException>(() => Empty().AddStakeholder(Person("Jane") with { ReportsToId = Guid.NewGuid() }, At0));
        Assert.Equal("Reports-to must be someone on this map.", error.Errors[0].Message);
    }

    [Fact]
    public void ReportsTo_Cycle_Rejected()
    {
        var ceo = Person("Ceo");
        var cfo = Person("Cfo");
        var map = Empty().With(ceo);
        map = map.AddStakeholder(cfo with { ReportsToId = ceo.Id }, At0).Map;
        var analyst = Person("Analyst") with { ReportsToId = cfo.Id };
        map = map.AddStakeholder(analyst, At0).Map;

        var error = Assert.Throws<DomainRuleException>(() => map.UpdateStakeholder(map.FindById(ceo.Id)! with { ReportsToId = analyst.Id }, At0));

        Assert.Contains("reporting loop", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateStakeholder_RecordsOldAndNew()
    {
        var jane = Person("Jane", power: 2);
        var map = Empty().With(jane);

        var change = map.UpdateStakeholder(jane with { Power = 5, Stance = Stance.Supporter }, At0);

        Assert.Contains(change.History.Fields, f => f is { Field: "Jane: power", Old: "2", New: "5" });
        Assert.Contains(change.History.Fields, f => f is { Field: "Jane: stance", Old: "neutral", New: "supporter" });
        Assert.Equal(2, change.History.Fields.Count);
    }

    [Fact]
    public void RemoveStakeholder_ReportsMoveUpAndRelationshipsGo()
    {
        var ceo = Person("Ceo");
        var cfo = Person("Cfo") with { ReportsToId = ceo.Id };
        var analyst = Person("Analyst") with { ReportsToId = cfo.Id };
        var map = Empty().With(ceo, cfo, analyst);
        map = map.AddRelationship(analyst.Id, cfo.Id, RelationshipKind.Ally, null, At0).Map;

        var change = map.RemoveStakeholder(cfo.Id, At0);

        Assert.Equal(ceo.Id, change.Map.FindById(analyst.Id)!.ReportsToId);
        Assert.Empty(change.Map.Relationships);
        Assert.Contains(change.History.Fields, f => f is { Field: "Cfo: name", Old: "Cfo", New: null });
    }

    [Fact]
    public void TagAndUntag_CombineRoles()
    {
        var jane = Person("Jane", Role.Influencer);
        var map = Empty().With(jane);

        map = map.Tag(jane.Id, Role.Champion | Role.Signer, At0).Map;
        Assert.Equal(Role.Influencer | Role.Champion | Role.Signer, map.FindById(jane.Id)!.Roles);

        var untag = map.Untag(jane.Id, Role.Influencer, At0);
        Assert.Equal(Role.Champion | Role.Signer, untag.Map.FindById(jane.Id)!.Roles);
        Assert.Equal("untagged Jane Influencer", untag.History.Summary);
    }

    [Fact]
    public void Relationship_OnlyBetweenPeopleOfTheMap()
    {
        var jane = Person("Jane");
        var map = Empty().With(jane);

        Assert.Throws<DomainRuleException>(() => map.AddRelationship(jane.Id, Guid.NewGuid(), RelationshipKind.Rival, null, At0));
        Assert.Throws<DomainRuleException>(() => map.AddRelationship(jane.Id, jane.Id, RelationshipKind.Rival, null, At0));
    }

    [Fact]
    public void Relationship_SamePairReplacesKind()
    {
        var jane = Person("Jane");
        var bob = Person("Bob");
        var map = Empty().With(jane, bob);

        map = map.AddRelationship(jane.Id, bob.Id, RelationshipKind.Ally, "golf", At0).Map;
        var change = map.AddRelationship(jane.Id, bob.Id, RelationshipKind.Rival, null, At0);

        var only = Assert.Single(change.Map.Relationships);
        Assert.Equal(RelationshipKind.Rival, only.Kind);
        Assert.Equal("Jane is an ally of Bob", change.History.Fields[0].Old);
    }

    [Fact]
    public void LinkChannel_Twice_KeepsOneLink()
    {
        var map = Empty();
        map = map.LinkChannel(new ChannelRef("C1"), At0).Map;
        var again = map.LinkChannel(new ChannelRef("C1"), At0);
        Assert.Single(again.Map.LinkedChannels);
        Assert.Empty(again.History.Fields);
    }

    [Fact]
    public void MarkReviewed_SetsReviewStampAndActivity()
    {
        var later = At0 with { At = Now.AddDays(3) };
        var map = Empty().MarkReviewed(later).Map;
        Assert.Equal(later, map.LastReviewed);
        Assert.Equal(later.At, map.LastActivity);
    }
}
