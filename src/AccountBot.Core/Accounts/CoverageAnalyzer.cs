namespace AccountBot.Core.Accounts;

/// <summary>Computes a map's coverage gaps (never stored) at a point in time.</summary>
public static class CoverageAnalyzer
{
    public static IReadOnlyList<CoverageGap> Analyze(AccountMap map, DateTimeOffset now, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        var gaps = new List<CoverageGap>();
        var active = map.Stakeholders.Where(s => s.IsActive).ToList();

        if (!active.Any(s => s.Has(Role.Champion)))
        {
            gaps.Add(new(CoverageGapKind.NoChampion, "no champion"));
        }

        foreach (var left in map.Stakeholders.Where(s => s.Status == StakeholderStatus.LeftCompany && s.Has(Role.Champion)))
        {
            gaps.Add(new(CoverageGapKind.ChampionLeft, $"{left.Name} (champion) left the company", left.Id));
        }

        if (!active.Any(s => s.Has(Role.DecisionMaker)))
        {
            gaps.Add(new(CoverageGapKind.NoDecisionMaker, "no decision maker"));
        }

        if (!active.Any(s => s.Has(Role.Signer)))
        {
            gaps.Add(new(CoverageGapKind.NoSigner, "no signer"));
        }

        foreach (var blocker in active.Where(s => s.Has(Role.Blocker) && string.IsNullOrWhiteSpace(s.NextStep)))
        {
            gaps.Add(new(CoverageGapKind.BlockerWithoutNextStep, $"{blocker.Name} (blocker) has no next step", blocker.Id));
        }

        if (active.Count < options.SingleThreadedBelow)
        {
            var people = active.Count == 1 ? "1 active stakeholder" : $"{active.Count} active stakeholders";
            gaps.Add(new(CoverageGapKind.SingleThreaded, $"single-threaded: {people}"));
        }

        foreach (var champion in active.Where(s => s.Has(Role.Champion) && s.Power <= options.WeakChampionPowerAtMost))
        {
            gaps.Add(new(CoverageGapKind.WeakChampion, $"{champion.Name} (champion) has low power ({champion.Power}/5)", champion.Id));
        }

        foreach (var person in active.Where(s => s.Power >= options.HighScoreThreshold && s.RelationshipOwner is null))
        {
            gaps.Add(new(CoverageGapKind.HighPowerWithoutOwner, $"{person.Name} (power {person.Power}) has no relationship owner", person.Id));
        }

        var idleDays = WholeDays(now - map.LastActivity);
        if (idleDays >= options.StaleAfterDays)
        {
            gaps.Add(new(CoverageGapKind.StaleMap, $"not reviewed for {idleDays} days"));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var person in active.Where(s => s.LastContacted is not null))
        {
            var days = today.DayNumber - person.LastContacted!.Value.DayNumber;
            if (days >= options.StaleContactDays)
            {
                gaps.Add(new(CoverageGapKind.StaleContact, $"{person.Name} not contacted for {days} days", person.Id));
            }
        }

        return [.. gaps.OrderBy(g => g.Kind)];
    }

    /// <summary>A weight for sorting maps worst first: serious gaps count more than many small ones.</summary>
    public static int Severity(IReadOnlyList<CoverageGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var kinds = Enum.GetValues<CoverageGapKind>().Length;
        return gaps.Sum(g => 1 << Math.Max(0, kinds - (int)g.Kind));
    }

    private static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)span.TotalDays;
}
