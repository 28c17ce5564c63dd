namespace AccountBot.Pictures;

/// <summary>What a signed link serves: one of the four pictures, or the CSV export.</summary>
public enum LinkKind : byte
{
    Grid = 0,
    Onion = 1,
    Org = 2,
    Raci = 3,
    Export = 16,
}
