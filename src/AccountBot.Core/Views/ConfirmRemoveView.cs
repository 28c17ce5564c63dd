namespace AccountBot.Core.Views;

/// <summary>Asks before removing a person; the history keeps them either way.</summary>
public sealed record ConfirmRemoveView(Guid MapId, string MapName, Guid StakeholderId, string PersonName) : Reply
{
    public required string ConfirmCommand { get; init; }
}
