namespace AccountBot.EndToEnd.Tests.Fixtures;

/// <summary>Paths only the committed fixture has (<see cref="Missing"/>) and only the live payload has (<see cref="Added"/>).</summary>
public sealed record ShapeDifference(string FileName, IReadOnlyList<string> Missing, IReadOnlyList<string> Added)
{
    public bool IsEmpty => Missing.Count == 0 && Added.Count == 0;

    public override string ToString() =>
        IsEmpty
            ? $"{FileName}: same shape"
            : $"{FileName} no longer matches the live payload (re-record with ACCOUNTBOT_E2E_RECORD=1 if the change is expected).\n"
              + $"missing now: {string.Join(", ", Missing)}\nnew: {string.Join(", ", Added)}";
}
