namespace AccountBot.Testing.Resilience;

/// <summary>
/// A stakeholder form the bot served to a client: which map and person it edits and the submission id the bot put
/// in it (the idempotency key), plus what the platform needs to submit it again (<see cref="Payload"/>: Slack's
/// <c>private_metadata</c>, or the Teams card's submit data).
/// </summary>
/// <param name="CardId">Teams: the message id of the card the form is on (the submit's <c>replyToId</c>).</param>
public sealed record CrashForm(Guid MapId, Guid? StakeholderId, string SubmissionId, string Payload, string? CardId = null);
