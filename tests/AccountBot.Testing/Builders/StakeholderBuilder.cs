using AccountBot.Core.Accounts;

namespace AccountBot.Testing.Builders;

/// <summary>
/// Builds a valid <see cref="Stakeholder"/>: <c>StakeholderBuilder.Named("Jane Doe").WithRoles(Role.Champion).Build()</c>,
/// or <see cref="Complete"/> for one with every field set.
/// </summary>
public sealed class StakeholderBuilder
{
    private Stakeholder _person;

    private StakeholderBuilder(string name) =>
        _person = new Stakeholder { Id = Guid.NewGuid(), Name = name };

    public static StakeholderBuilder Named(string name) => new(name);

    public StakeholderBuilder WithId(Guid id) => With(p => p with { Id = id });

    public StakeholderBuilder Titled(string title, string? department = null) =>
        With(p => p with { Title = title, Department = department ?? p.Department });

    public StakeholderBuilder WithEmail(string email) => With(p => p with { Email = email });

    public StakeholderBuilder WithProfile(string url) => With(p => p with { ProfileUrl = url });

    public StakeholderBuilder ReportingTo(Guid managerId) => With(p => p with { ReportsToId = managerId });

    public StakeholderBuilder ReportingTo(Stakeholder manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return ReportingTo(manager.Id);
    }

    public StakeholderBuilder WithRoles(Role roles) => With(p => p with { Roles = roles });

    public StakeholderBuilder WithScores(int power, int interest) => With(p => p with { Power = power, Interest = interest });

    public StakeholderBuilder WithStance(Stance stance) => With(p => p with { Stance = stance });

    public StakeholderBuilder WithRaci(Raci raci) => With(p => p with { Raci = raci });

    public StakeholderBuilder OwnedBy(UserRef owner, RelationshipStrength strength = RelationshipStrength.Good) =>
        With(p => p with { RelationshipOwner = owner, Strength = strength });

    public StakeholderBuilder LastContactedOn(DateOnly date) => With(p => p with { LastContacted = date });

    public StakeholderBuilder WithNextStep(string step, DateOnly? due = null) => With(p => p with { NextStep = step, NextStepDue = due });

    public StakeholderBuilder WithNotes(string notes) => With(p => p with { Notes = notes });

    public StakeholderBuilder WithStatus(StakeholderStatus status) => With(p => p with { Status = status });

    /// <summary>Sets every optional field to a non-default value (for round-trip tests).</summary>
    public StakeholderBuilder Complete()
    {
        var slug = new string([.. _person.Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return Titled("VP Procurement", "Finance")
            .WithEmail($"{(slug.Length == 0 ? "person" : slug)}@example.com")
            .WithProfile($"https://www.linkedin.com/in/{(slug.Length == 0 ? "person" : slug)}")
            .WithRoles(Role.DecisionMaker | Role.Signer | Role.Champion)
            .WithScores(power: 5, interest: 4)
            .WithStance(Stance.Supporter)
            .WithRaci(Raci.Accountable)
            .OwnedBy(new UserRef("U0REP1", "Rita Rep"), RelationshipStrength.Strong)
            .LastContactedOn(new DateOnly(2025, 2, 28))
            .WithNextStep("Send the security questionnaire", new DateOnly(2025, 3, 14))
            .WithNotes("Prefers e-mail.\nOut in August.")
            .WithStatus(StakeholderStatus.ChangedRole);
    }

    public Stakeholder Build() => _person;

    private StakeholderBuilder With(Func<Stakeholder, Stakeholder> change)
    {
        _person = change(_person);
        return this;
    }
}
