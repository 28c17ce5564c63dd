using AccountBot.Slack.Installations;

namespace AccountBot.Slack.Protocol;

/// <summary>An event delivery. Slack retries up to 3 times on slow or failed answers: dedupe by <see cref="EventId"/>.</summary>
public sealed record EventCallbackEnvelope : SlackEventEnvelope
{
    public required string EventId { get; init; }
    public long EventTime { get; init; }
    public string? TeamId { get; init; }
    public string? EnterpriseId { get; init; }
    public string? ContextTeamId { get; init; }
    public string? ContextEnterpriseId { get; init; }
    public bool? IsExtSharedChannel { get; init; }
    // The source-generated reader sets an absent init property to null: keep the empty default then.
    public IReadOnlyList<SlackAuthorization> Authorizations { get; init => field = value ?? []; } = [];
    public required SlackEvent Event { get; init; }

    /// <summary>The installation the event is for: the first authorization when present, else the envelope's ids.</summary>
    public SlackTeamKey TeamKey => Authorizations is [var first, ..]
        ? new(first.EnterpriseId, first.IsEnterpriseInstall ? null : first.TeamId)
        : new(EnterpriseId, TeamId);
}
