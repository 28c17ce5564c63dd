namespace AccountBot.Testing.Resilience;

/// <summary>What a tracked stakeholder-form submission does.</summary>
public enum ChangeKind
{
    /// <summary>Adds a new person (a name no other change uses).</summary>
    Add,

    /// <summary>Gives an existing person a new title (a title no other change uses).</summary>
    Edit,
}
