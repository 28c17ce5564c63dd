namespace AccountBot.Adapters.FollowUps;

/// <summary>
/// The follow-up steps of one request as kept in <see cref="Abstractions.IFollowUpOutbox"/> until all are sent.
/// An instance sends it only while it holds the claim (<see cref="Owner"/> until <see cref="LeaseUntil"/>); once the
/// lease has run out, any instance may claim it (the owner died, or stopped before sending it).
/// </summary>
public sealed record StoredFollowUp
{
    public required Guid Id { get; init; }

    /// <summary>The steps, in the order the request made them.</summary>
    public required IReadOnlyList<FollowUpStep> Steps { get; init; }

    /// <summary>The index of the first step not yet sent (recorded after each step, so a sent step is not sent again).</summary>
    public int Next { get; init; }

    /// <summary>When the request queued it (its age bounds its retries).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The instance that holds the claim.</summary>
    public required string Owner { get; init; }

    /// <summary>Until when the claim holds; after that another instance may take the item over.</summary>
    public required DateTimeOffset LeaseUntil { get; init; }
}
