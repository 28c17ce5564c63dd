using System.Text;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Privacy;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using static AccountBot.Core.Tests.Accounts.TestMaps;

namespace AccountBot.Core.Tests.Features.EngagementPlan;

/// <summary>Issue 16 §4: what a person cares about and our plan for them, and the overdue-next-step gap.</summary>
public sealed class EngagementPlanTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory]
    [InlineData(Limits.CaresAbout, 0)]
    [InlineData(Limits.CaresAbout + 1, 1)]
    public void Validate_CaresAbout_LimitedToItsLength(int length, int errors)
    {
        var person = Person("Jane") with { CaresAbout = new string('x', length) };

        var found = StakeholderRules.Validate(person, Empty());

        Assert.Equal(errors, found.Count(e => e.Field == StakeholderFields.CaresAbout));
    }

    [Theory]
    [InlineData(Limits.Plan, 0)]
    [InlineData(Limits.Plan + 1, 1)]
    public void Validate_Plan_LimitedToItsLength(int length, int errors)
    {
        var person = Person("Jane") with { Plan = new string('x', length) };

        var found = StakeholderRules.Validate(person, Empty());

        Assert.Equal(errors, found.Count(e => e.Field == StakeholderFields.Plan));
    }

    [Fact]
    public void Update_PlanFields_TrimmedAndRecordedAsFieldChanges()
    {
        var jane = Person("Jane", Role.Champion);
        var map = Empty().With(jane);

        var change = map.UpdateStakeholder(jane with { CaresAbout = "  close in 3 days ", Plan = "   " }, At0);

        var stored = change.Map.FindById(jane.Id)!;
        Assert.Equal("close in 3 days", stored.CaresAbout);
        Assert.Null(stored.Plan);
        var field = Assert.Single(change.History.Fields);
        Assert.Equal(new FieldChange("Jane: needs", null, "close in 3 days"), field);
    }

    [Fact]
    public void Schema_PlanFields_InMoreDetailsNotTheShortForm_WithTheirLimits()
    {
        var schema = StakeholderFormSchema.Schema;

        Assert.False(schema[StakeholderFields.CaresAbout].Short);
        Assert.False(schema[StakeholderFields.Plan].Short);
        Assert.Equal(Limits.CaresAbout, schema[StakeholderFields.CaresAbout].MaxLength);
        Assert.Equal(Limits.Plan, schema[StakeholderFields.Plan].MaxLength);
    }

    [Fact]
    public void Form_SubmittedPlanFields_ReadOntoThePersonAndBackIntoTheForm()
    {
        var fields = new FormFields(new Dictionary<string, string?>
        {
            [StakeholderFields.Name] = "Jane",
            [StakeholderFields.CaresAbout] = "audit trail",
            [StakeholderFields.Plan] = "demo the close dashboard",
        });

        var values = StakeholderFormReader.FromFields(fields, Ana, null);
        var (person, _, errors) = StakeholderFormReader.Read(values, Person("Jane"));

        Assert.Empty(errors);
        Assert.Equal("audit trail", person.CaresAbout);
        Assert.Equal("demo the close dashboard", person.Plan);
        var shown = StakeholderFormReader.From(person, Empty().With(person)).ByField();
        Assert.Equal("audit trail", shown[StakeholderFields.CaresAbout]);
        Assert.Equal("demo the close dashboard", shown[StakeholderFields.Plan]);
    }

    [Fact]
    public void ShortForm_Submitted_KeepsTheStoredPlan()
    {
        var kept = new StakeholderFormValues { Name = "Jane", CaresAbout = "audit trail", Plan = "demo" };
        var submitted = new StakeholderFormValues { Name = "Jane", CaresAbout = null, Plan = null };

        var merged = StakeholderFormReader.WithShortFieldsFrom(kept, submitted);

        Assert.Equal("audit trail", merged.CaresAbout);
        Assert.Equal("demo", merged.Plan);
    }

    [Fact]
    public void MapCard_PersonWithPlan_ShowsBothPartsUnderTheNextStep()
    {
        var line = new StakeholderLine(Guid.NewGuid(), "Jane", null, Role.Champion, GridQuadrant.ManageClosely, 4, 4, Stance.Supporter, null,
            RelationshipStrength.None, StakeholderStatus.Active, null, null, null) { CaresAbout = "audit trail", Plan = "demo" };

        Assert.Equal("Cares about: audit trail · Plan: demo", MapCardText.EngagementPlan(line));
        Assert.Null(MapCardText.EngagementPlan(line with { CaresAbout = null, Plan = null }));
        Assert.Equal("Plan: demo", MapCardText.EngagementPlan(line with { CaresAbout = null }));
    }

    [Fact]
    public void Erase_PlanFieldsNamingHer_Redacted()
    {
        var jane = StakeholderBuilder.Named("Jane Doe").Build();
        var john = StakeholderBuilder.Named("John Roe").Build() with { CaresAbout = "what Jane Doe thinks", Plan = "lunch with Jane Doe" };
        var map = MapBuilder.For(WorkspaceKey.ForSlack(null, "T1")).WithStakeholder(jane).WithStakeholder(john).Build();

        var change = PersonErasure.For(jane, []).Apply(map, new Stamp(MapBuilder.DefaultTime, Ana));

        var left = change.Map.FindById(john.Id)!;
        Assert.Equal("what [erased] thinks", left.CaresAbout);
        Assert.Equal("lunch with [erased]", left.Plan);
    }

    [Fact]
    public void Csv_PlanColumns_WrittenAndReadBack()
    {
        var jane = Person("Jane", Role.Champion) with { CaresAbout = "audit, trail", Plan = "demo" };
        var map = Empty().With(jane);
        var csv = Encoding.UTF8.GetString(StakeholderCsvWriter.Write(map)[3..]);
        Assert.Contains(",Needs,Plan,", csv, StringComparison.Ordinal);

        var parsed = StakeholderCsvReader.Read(csv);
        var plan = ImportPlanner.Plan(Empty("Globex"), parsed.Rows, At0, 100);

        var copy = Assert.Single(plan.Change!.Map.Stakeholders);
        Assert.Equal("audit, trail", copy.CaresAbout);
        Assert.Equal("demo", copy.Plan);
    }

    [Theory]
    [InlineData(Role.DecisionMaker, "decision maker")]
    [InlineData(Role.Signer, "signer")]
    [InlineData(Role.Champion, "champion")]
    public void Gap_KeyPersonWithOverdueStep_Flagged(Role role, string named)
    {
        var person = Person("Dana", role) with { NextStep = "send the ROI model", NextStepDue = Today.AddDays(-1) };

        var gap = Assert.Single(Gaps(Empty().With(person)), g => g.Kind == CoverageGapKind.OverdueNextStep);

        Assert.Equal(person.Id, gap.StakeholderId);
        Assert.Equal($"Dana ({named}) has an overdue next step (due {StakeholderText.Date(Today.AddDays(-1))})", gap.Message);
    }

    [Fact]
    public void Gap_DueTodayOtherRolesOrLeft_NotFlagged()
    {
        var dueToday = Person("Dana", Role.DecisionMaker) with { NextStep = "call", NextStepDue = Today };
        var endUser = Person("Eve", Role.EndUser) with { NextStep = "call", NextStepDue = Today.AddDays(-5) };
        var left = Person("Chris", Role.Champion) with { NextStep = "call", NextStepDue = Today.AddDays(-5), Status = StakeholderStatus.LeftCompany };

        Assert.DoesNotContain(Gaps(Empty().With(dueToday, endUser, left)), g => g.Kind == CoverageGapKind.OverdueNextStep);
    }

    [Fact]
    public void Gap_StepMovedLater_NoLongerFlagged()
    {
        var person = Person("Dana", Role.Signer) with { NextStep = "call", NextStepDue = Today.AddDays(-2) };
        var map = Empty().With(person);
        Assert.Contains(Gaps(map), g => g.Kind == CoverageGapKind.OverdueNextStep);

        map = map.UpdateStakeholder(person with { NextStepDue = Today.AddDays(3) }, At0).Map;

        Assert.DoesNotContain(Gaps(map), g => g.Kind == CoverageGapKind.OverdueNextStep);
    }

    private static IReadOnlyList<CoverageGap> Gaps(AccountMap map) => CoverageAnalyzer.Analyze(map, Now, new CoverageOptions());
}
