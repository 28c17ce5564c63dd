using AccountBot.Core.Accounts;
using AccountBot.Testing.Builders;

namespace AccountBot.Charts.Tests;

/// <summary>Maps with known people at known places, for placement and pixel checks.</summary>
internal static class SampleMaps
{
    public static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T0CHARTS");

    public static Guid Id(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    /// <summary>Six people with fixed ids: a CEO (5/5), a CFO who left, a champion, a blocker, users.</summary>
    public static AccountMap Small()
    {
        var ceo = StakeholderBuilder.Named("Dana Boss").WithId(Id(1)).Titled("CEO").WithRoles(Role.DecisionMaker | Role.Signer)
            .WithScores(5, 5).WithStance(Stance.Supporter).WithRaci(Raci.Accountable).Build();
        var cfo = StakeholderBuilder.Named("Frank Money").WithId(Id(2)).Titled("CFO").WithRoles(Role.Signer).WithScores(5, 1)
            .WithStance(Stance.Skeptic).WithRaci(Raci.Consulted).ReportingTo(ceo).WithStatus(StakeholderStatus.LeftCompany).Build();
        var champ = StakeholderBuilder.Named("Chloe Champ").WithId(Id(3)).Titled("Head of Ops").WithRoles(Role.Champion)
            .WithScores(2, 5).WithStance(Stance.Supporter).WithRaci(Raci.Responsible).ReportingTo(ceo).Build();
        var blocker = StakeholderBuilder.Named("Bert Block").WithId(Id(4)).Titled("CISO").WithRoles(Role.Blocker | Role.Gatekeeper)
            .WithScores(4, 2).WithStance(Stance.Opponent).WithRaci(Raci.Consulted).ReportingTo(ceo).Build();
        var user1 = StakeholderBuilder.Named("Uma User").WithId(Id(5)).Titled("Analyst").WithRoles(Role.EndUser)
            .WithScores(1, 1).WithRaci(Raci.Informed).ReportingTo(champ).Build();
        var user2 = StakeholderBuilder.Named("Ulf User").WithId(Id(6)).Titled("Analyst").WithRoles(Role.EndUser)
            .WithScores(1, 1).WithRaci(Raci.Informed).ReportingTo(champ).Build();
        return MapBuilder.For(Workspace).WithId(Id(100)).Named("Acme Corp")
            .WithStakeholder(ceo).WithStakeholder(cfo).WithStakeholder(champ).WithStakeholder(blocker)
            .WithStakeholder(user1).WithStakeholder(user2)
            .WithRelationship(champ, ceo, RelationshipKind.Influences, "weekly 1:1")
            .WithRelationship(blocker, champ, RelationshipKind.Rival)
            .WithRelationship(user1, champ, RelationshipKind.Ally)
            .WithRelationship(user2, blocker, RelationshipKind.Avoid)
            .Build();
    }

    /// <summary>Sixty generated people (varied roles, scores and a reporting tree), ids fixed by position.</summary>
    public static AccountMap Large(int count = 60)
    {
        var generated = MapBuilder.For(Workspace).WithStakeholders(count).Build();
        var ids = generated.Stakeholders.Select((s, i) => (s.Id, New: Id(1000 + i))).ToDictionary(p => p.Id, p => p.New);
        return generated with
        {
            Id = Id(200),
            Stakeholders = [.. generated.Stakeholders.Select(s => s with
            {
                Id = ids[s.Id],
                ReportsToId = s.ReportsToId is { } boss ? ids[boss] : null,
            })],
        };
    }

    public static AccountMap Without(AccountMap map, Guid personId) => map with
    {
        Stakeholders = [.. map.Stakeholders.Where(s => s.Id != personId)],
        Relationships = [.. map.Relationships.Where(r => r.FromId != personId && r.ToId != personId)],
    };
}
