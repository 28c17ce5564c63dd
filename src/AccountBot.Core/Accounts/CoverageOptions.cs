using System.ComponentModel.DataAnnotations;

namespace AccountBot.Core.Accounts;

/// <summary>Thresholds of the coverage-gap rules; bound to the <c>Coverage</c> configuration section.</summary>
public sealed class CoverageOptions
{
    public const string Section = "Coverage";
    public const int DefaultHighScoreThreshold = 4;

    /// <summary>Fewer active stakeholders than this is "single-threaded".</summary>
    [Range(1, 50)]
    public int SingleThreadedBelow { get; set; } = 3;

    /// <summary>A map not reviewed or changed for this many days is stale.</summary>
    [Range(1, 3650)]
    public int StaleAfterDays { get; set; } = 30;

    /// <summary>A person not contacted for this many days is a stale contact.</summary>
    [Range(1, 3650)]
    public int StaleContactDays { get; set; } = 45;

    /// <summary>A champion with power at or below this is a weak champion.</summary>
    [Range(1, 5)]
    public int WeakChampionPowerAtMost { get; set; } = 2;

    /// <summary>Scores at or above this count as "high" on the power/interest grid (4, or 3 to round 3 up).</summary>
    [Range(3, 4)]
    public int HighScoreThreshold { get; set; } = DefaultHighScoreThreshold;
}
