namespace AccountBot.Core.Features.Stakeholders;

/// <summary>
/// A submitted stakeholder form. <see cref="MapId"/> and <see cref="StakeholderId"/> come from the
/// form's hidden data and are only ever looked up inside the requester's own workspace. <see cref="OnlyShortFields"/>
/// says the form showed only the short form's fields (a Slack modal before "More details"): the other values are not
/// in the submission, so the stored ones (or, for a new person, the defaults) are kept, never wiped.
/// <see cref="Source"/> is a link to the chat message the form was opened from (capture from a message): the save's
/// history entry keeps it.
/// </summary>
public sealed record StakeholderSubmission(Guid MapId, Guid? StakeholderId, string SubmissionId, StakeholderFormValues Values, bool OnlyShortFields = false)
{
    public string? Source { get; init; }
}
