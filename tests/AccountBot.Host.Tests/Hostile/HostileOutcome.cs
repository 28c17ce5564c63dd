namespace AccountBot.Host.Tests.Hostile;

/// <summary>What one input got: the status (as the client saw it, else as the server set it) and any defect found.</summary>
internal sealed record HostileOutcome(HostileCase Case, int Status, IReadOnlyList<string> Defects)
{
    public bool Passed => Defects.Count == 0;

    /// <summary>The column of the summary table: the status code, or a named failure.</summary>
    public string Column => Status switch
    {
        -1 => "no answer",
        501 when Case.NotImplementedIsProtocol => "501 (invoke)",
        _ => Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
