namespace AccountBot.Core.Accounts;

/// <summary>
/// Length limits of the domain; forms show them as max lengths too. How many maps and people a workspace may hold
/// is configuration: <see cref="LimitsOptions"/>.
/// </summary>
public static class Limits
{
    public const int MapName = 100;
    public const int Alias = 100;
    public const int MaxAliases = 10;
    public const int Domain = 253;
    public const int Name = 100;
    public const int Title = 120;
    public const int Department = 120;
    public const int Email = 254;
    public const int Url = 500;
    public const int NextStep = 500;
    public const int Notes = 2000;
    public const int CaresAbout = 1000;
    public const int Plan = 1000;
    public const int RelationshipNote = 500;
    public const int MinScore = 1;
    public const int MaxScore = 5;
}
