using AccountBot.Core.Accounts;

namespace AccountBot.Core.Tests.Accounts;

internal static class TestMaps
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly UserRef Ana = new("U1", "Ana Rep");
    public static readonly Stamp At0 = new(Now, Ana);

    public static AccountMap Empty(string name = "Acme Corp") =>
        AccountMap.Create(WorkspaceKey.ForTeams("tenant-1"), name, MapKind.Sales, At0).Map;

    public static Stakeholder Person(string name, Role roles = Role.None, int power = 3, int interest = 3) =>
        new() { Id = Guid.NewGuid(), Name = name, Roles = roles, Power = power, Interest = interest };

    public static AccountMap With(this AccountMap map, params Stakeholder[] people) =>
        people.Aggregate(map, (m, p) => m.AddStakeholder(p, At0).Map);
}
