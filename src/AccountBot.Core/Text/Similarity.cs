namespace AccountBot.Core.Text;

/// <summary>Small string-similarity helpers for "did you mean" suggestions.</summary>
public static class Similarity
{
    /// <summary>Levenshtein distance, capped: returns <paramref name="cap"/> + 1 as soon as it is exceeded.</summary>
    public static int Distance(string a, string b, int cap = 8)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > cap)
        {
            return cap + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > cap)
            {
                return cap + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// How close <paramref name="candidate"/> is to what was typed (both normalised); lower is closer,
    /// null means "not similar". Prefix and whole-word matches beat typos.
    /// </summary>
    public static int? Score(string typed, string candidate)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidate);
        if (typed.Length == 0 || candidate.Length == 0)
        {
            return null;
        }

        if (candidate.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(candidate, StringComparison.Ordinal))
        {
            return 0;
        }

        var typedWords = typed.Split(' ');
        var candidateWords = candidate.Split(' ');
        if (typedWords.Any(w => w.Length >= 2 && candidateWords.Contains(w)))
        {
            return 1;
        }

        if (typed.Length >= 3 && candidate.Contains(typed, StringComparison.Ordinal))
        {
            return 2;
        }

        var allowed = Math.Max(1, Math.Min(typed.Length, candidate.Length) / 4);
        var distance = Distance(typed, candidate, allowed);
        if (distance <= allowed)
        {
            return 2 + distance;
        }

        // A typo in one word of a longer name: "acne corp" → "acme corp", "acne" → "acme corp".
        var wordDistance = typedWords.Min(t => candidateWords.Min(c => Distance(t, c, 2)));
        return wordDistance <= 1 && typed.Length >= 4 ? 4 + wordDistance : null;
    }

    /// <summary>The closest few candidates to <paramref name="typed"/>, best first.</summary>
    public static IReadOnlyList<T> Closest<T>(string typed, IEnumerable<T> candidates, Func<T, string> key, int take = 5)
    {
        var normal = Accounts.NameKey.Normalize(typed);
        return [.. candidates
            .Select(c => (Candidate: c, Score: Score(normal, Accounts.NameKey.Normalize(key(c)))))
            .Where(x => x.Score is not null)
            .OrderBy(x => x.Score)
            .ThenBy(x => key(x.Candidate), StringComparer.OrdinalIgnoreCase)
            .Take(take)
            .Select(x => x.Candidate)];
    }
}
