namespace AccountBot.Testing.Resilience;

/// <summary>What one look at the database found.</summary>
public sealed record CrashAuditResult(
    int AcknowledgedChecked,
    int Maps,
    int Stakeholders,
    int HistoryEntries,
    IReadOnlyList<string> Violations);
