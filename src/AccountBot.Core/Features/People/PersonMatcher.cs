using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.People;

/// <summary>
/// Finds a person on a map by name, case- and accent-insensitively: an exact name wins; otherwise
/// a unique partial match ("Jane" → Jane Doe) is taken; several or none give a "did you mean".
/// </summary>
public static class PersonMatcher
{
    public static PersonMatch Match(AccountMap map, PersonRef reference)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Id is { } id)
        {
            var byId = map.FindById(id);
            return new PersonMatch(byId, []);
        }

        var typed = NameKey.Normalize(reference.Text);
        var exact = map.Stakeholders.Where(s => NameKey.Normalize(s.Name) == typed).ToList();
        if (exact.Count == 1)
        {
            return new PersonMatch(exact[0], []);
        }

        var partial = map.Stakeholders
            .Where(s => IsPartialMatch(typed, NameKey.Normalize(s.Name)))
            .ToList();
        if (partial.Count == 1)
        {
            return new PersonMatch(partial[0], []);
        }

        if (partial.Count > 1)
        {
            return new PersonMatch(null, partial);
        }

        return new PersonMatch(null, Similarity.Closest(reference.Text, map.Stakeholders, s => s.Name));
    }

    private static bool IsPartialMatch(string typed, string name)
    {
        if (typed.Length == 0)
        {
            return false;
        }

        var words = name.Split(' ');
        return name.StartsWith(typed + " ", StringComparison.Ordinal)
            || words.Contains(typed)
            || (typed.Length >= 3 && name.Contains(typed, StringComparison.Ordinal));
    }
}
