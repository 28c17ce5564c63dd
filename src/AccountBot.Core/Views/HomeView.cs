namespace AccountBot.Core.Views;

/// <summary>
/// "Your accounts", one person's home (<c>map mine</c>, the Slack App Home, the Teams personal welcome): the maps they
/// own, the people whose relationship they own with their next steps (overdue first), and recent changes on their maps
/// by others. Each list is bounded; the <c>…Total</c> counts say how many there are in all ("and N more").
/// </summary>
public sealed record HomeView(
    string UserName,
    DateOnly Today,
    IReadOnlyList<HomeMap> Maps,
    int MapsTotal,
    IReadOnlyList<HomeStep> Steps,
    int StepsTotal,
    IReadOnlyList<HomeChange> Changes,
    int ChangesTotal) : Reply
{
    /// <summary>Nothing to show: no map owned, no relationship owned.</summary>
    public bool IsEmpty => MapsTotal == 0 && StepsTotal == 0 && ChangesTotal == 0;
}

/// <summary>A map the person owns; <see cref="OpenCommand"/> shows it.</summary>
public sealed record HomeMap(string Name, int ActiveCount, int GapCount, bool IsPrivate, string OpenCommand);

/// <summary>
/// A person whose relationship the home's user owns, with their next step; <see cref="DoneCommand"/> is null when there
/// is no step to mark done.
/// </summary>
public sealed record HomeStep(
    string MapName,
    string PersonName,
    string? NextStep,
    DateOnly? Due,
    bool Overdue,
    string OpenCommand,
    string? DoneCommand);

/// <summary>A change someone else made on one of the user's maps.</summary>
public sealed record HomeChange(string MapName, DateTimeOffset At, string ByName, string Summary, string OpenCommand);
