namespace AccountBot.Testing.Resilience;

/// <summary>A person one crash-loop client added (name unique across the run) and every change it made to them.</summary>
public sealed class TrackedPerson(string name, string platform, string workspace, string mapName, Guid mapId)
{
    private readonly List<TrackedChange> _edits = [];

    public string Name { get; } = name;

    public string Platform { get; } = platform;

    /// <summary>The workspace key value, e.g. <c>slack:T0CRASH</c>.</summary>
    public string Workspace { get; } = workspace;

    public string MapName { get; } = mapName;

    public Guid MapId { get; } = mapId;

    public TrackedChange Add { get; internal set; } = null!;

    /// <summary>In the order they were sent.</summary>
    public IReadOnlyList<TrackedChange> Edits => _edits;

    public IEnumerable<TrackedChange> Changes => [Add, .. _edits];

    /// <summary>No change of this person awaits a resend, so a new edit cannot be overtaken by an old one.</summary>
    public bool IsSettled => Changes.All(c => !c.IsPending);

    internal void AddEdit(TrackedChange edit) => _edits.Add(edit);
}
