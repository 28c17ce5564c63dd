namespace AccountBot.Charts;

/// <summary>
/// Where a person was drawn: the box of their label. On the grid and the onion the label starts
/// with a marker whose centre (<see cref="MarkerX"/>, <see cref="MarkerY"/>) is the person's place.
/// </summary>
public sealed record PlacedPerson(Guid PersonId, string Name, LabelBox Label)
{
    public float MarkerX => Label.Left + 5;

    public float MarkerY => Label.Top + 8;
}
