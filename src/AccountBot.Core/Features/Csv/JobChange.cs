namespace AccountBot.Core.Features.Csv;

/// <summary>How an import row was recognised as someone already on the map.</summary>
public enum MatchedBy
{
    None,
    ProfileUrl,
    Email,
    Name,
}

/// <summary>
/// A person on the map whose row in a re-imported lead list shows another company. Recognised by profile address or
/// e-mail, they are marked as left; by name only, they are a possible job change the import leaves alone.
/// </summary>
public sealed record JobChange(int Line, Guid PersonId, string Name, string Company, MatchedBy MatchedBy)
{
    /// <summary>Recognised surely enough to mark them as left.</summary>
    public bool IsSure => MatchedBy is MatchedBy.ProfileUrl or MatchedBy.Email;
}
