namespace AccountBot.Core.Features.Stakeholders;

/// <summary>
/// A submitted stakeholder form. <see cref="MapId"/> and <see cref="StakeholderId"/> come from the
/// form's hidden data and are only ever looked up inside the requester's own workspace.
/// </summary>
public sealed record StakeholderSubmission(Guid MapId, Guid? StakeholderId, string SubmissionId, StakeholderFormValues Values);
