using System.Globalization;
using AccountBot.Core.Text;

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
            gaps.Add(new(CoverageGapKind.NoChampion, Sentences.GapNoChampion));
        }

        foreach (var left in map.Stakeholders.Where(s => s.Status == StakeholderStatus.LeftCompany && s.Has(Role.Champion)))
        {
            gaps.Add(new(CoverageGapKind.ChampionLeft, Say.Format(Sentences.GapChampionLeft, left.Name), left.Id));
        }

        if (!active.Any(s => s.Has(Role.DecisionMaker)))
        {
            gaps.Add(new(CoverageGapKind.NoDecisionMaker, Sentences.GapNoDecisionMaker));
        }

        if (!active.Any(s => s.Has(Role.Signer)))
        {
            gaps.Add(new(CoverageGapKind.NoSigner, Sentences.GapNoSigner));
        }

        foreach (var blocker in active.Where(s => s.Has(Role.Blocker) && string.IsNullOrWhiteSpace(s.NextStep)))
        {
            gaps.Add(new(CoverageGapKind.BlockerWithoutNextStep, Say.Format(Sentences.GapBlockerWithoutNextStep, blocker.Name), blocker.Id));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var person in active.Where(s => s.Has(Role.DecisionMaker) || s.Has(Role.Signer) || s.Has(Role.Champion)))
        {
            if (person.NextStepDue is { } due && due < today && !string.IsNullOrWhiteSpace(person.NextStep))
            {
                var text = string.Format(CultureInfo.InvariantCulture, Sentences.PlanGapOverdue, person.Name, KeyRole(person.Roles), StakeholderText.Date(due));
                gaps.Add(new(CoverageGapKind.OverdueNextStep, text, person.Id));
            }
        }

        if (active.Count < options.SingleThreadedBelow)
        {
            var people = active.Count == 1 ? Sentences.GapSingleThreadedOne : Say.Format(Sentences.GapSingleThreadedMany, active.Count);
            gaps.Add(new(CoverageGapKind.SingleThreaded, Say.Format(Sentences.GapSingleThreaded, people)));
        }

        foreach (var champion in active.Where(s => s.Has(Role.Champion) && s.Power <= options.WeakChampionPowerAtMost))
        {
            gaps.Add(new(CoverageGapKind.WeakChampion, Say.Format(Sentences.GapWeakChampion, champion.Name, champion.Power), champion.Id));
        }

        foreach (var person in active.Where(s => s.Power >= options.HighScoreThreshold && s.RelationshipOwner is null))
        {
            gaps.Add(new(CoverageGapKind.HighPowerWithoutOwner, Say.Format(Sentences.GapHighPowerWithoutOwner, person.Name, person.Power), person.Id));
        }

        var idleDays = WholeDays(now - map.LastActivity);
        if (idleDays >= options.StaleAfterDays)
        {
            gaps.Add(new(CoverageGapKind.StaleMap, Say.Format(Sentences.GapStaleMap, idleDays)));
        }

        foreach (var person in active.Where(s => s.LastContacted is not null))
        {
            var days = today.DayNumber - person.LastContacted!.Value.DayNumber;
            if (days >= options.StaleContactDays)
            {
                gaps.Add(new(CoverageGapKind.StaleContact, Say.Format(Sentences.GapStaleContact, person.Name, days), person.Id));
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

    /// <summary>The key role an overdue step is about, the most decisive first.</summary>
    private static string KeyRole(Role roles) =>
        Roles.DisplayName((roles & Role.DecisionMaker) != 0 ? Role.DecisionMaker : (roles & Role.Signer) != 0 ? Role.Signer : Role.Champion).ToLowerInvariant();

    private static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)span.TotalDays;
}
