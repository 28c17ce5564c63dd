namespace AccountBot.Core.Accounts;

/// <summary>Who may see a map. Stored by name (PostgreSQL bodies) or number (LiteDB): append only.</summary>
public enum MapVisibility
{
    /// <summary>Anyone in the workspace.</summary>
    Public,

    /// <summary>Only in the channels it is linked to, and its owner anywhere; elsewhere it answers as if it did not exist.</summary>
    Private,
}
