using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.People;

/// <summary>The person a command names: one match, several, or none (with suggestions).</summary>
public sealed record PersonMatch(Stakeholder? Person, IReadOnlyList<Stakeholder> Candidates)
{
    public bool IsUnique => Person is not null;
}
