using AccountBot.Core.Accounts;

namespace AccountBot.Core.Views;

/// <summary>
/// People listed under one heading of the map card: a role (each person under the first of their
/// roles in display order), "No role yet", or "Left or changed role".
/// </summary>
public sealed record RoleGroup(string Heading, Role? Role, IReadOnlyList<StakeholderLine> People);
