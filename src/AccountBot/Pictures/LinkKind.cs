namespace AccountBot.Pictures;

/// <summary>What a signed link serves: one of the four pictures, the CSV export, or the history as CSV.</summary>
public enum LinkKind : byte
{
    Grid = 0,
    Onion = 1,
    Org = 2,
    Raci = 3,
    Export = 16,
    History = 17,
}
