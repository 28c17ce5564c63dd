namespace AccountBot.Core.Accounts;

/// <summary>
/// Places a person on the power/interest grid. The rule: a score is "high" when it is at least
/// <see cref="CoverageOptions.HighScoreThreshold"/> (default 4, so 3 counts as low; set it to 3
/// to round 3 up).
/// </summary>
public static class PowerInterestGrid
{
    public static GridQuadrant Classify(int power, int interest, int highThreshold = CoverageOptions.DefaultHighScoreThreshold)
    {
        var highPower = power >= highThreshold;
        var highInterest = interest >= highThreshold;
        return (highPower, highInterest) switch
        {
            (true, true) => GridQuadrant.ManageClosely,
            (true, false) => GridQuadrant.KeepSatisfied,
            (false, true) => GridQuadrant.KeepInformed,
            _ => GridQuadrant.Monitor,
        };
    }

    public static string DisplayName(GridQuadrant quadrant) => quadrant switch
    {
        GridQuadrant.ManageClosely => Text.Sentences.GridManageClosely,
        GridQuadrant.KeepSatisfied => Text.Sentences.GridKeepSatisfied,
        GridQuadrant.KeepInformed => Text.Sentences.GridKeepInformed,
        _ => Text.Sentences.GridMonitor,
    };
}
