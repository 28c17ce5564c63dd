namespace AccountBot.Charts;

/// <summary>
/// What a picture put where: its size, each person's label, named regions (quadrants, rings, RACI
/// columns) and people that did not fit (listed as "+N more"). Exposed so tests and callers can
/// check placement without reading pixels alone.
/// </summary>
public sealed record ChartLayout(
    int Width,
    int Height,
    IReadOnlyList<PlacedPerson> People,
    IReadOnlyDictionary<string, LabelBox> Regions,
    IReadOnlyList<Guid> Overflow)
{
    public PlacedPerson? Find(Guid personId) => People.FirstOrDefault(p => p.PersonId == personId);
}
