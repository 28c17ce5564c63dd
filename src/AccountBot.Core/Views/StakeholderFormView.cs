using AccountBot.Core.Features.Stakeholders;

namespace AccountBot.Core.Views;

/// <summary>
/// The add/edit stakeholder form: the values to show (prefilled or as the user typed them), the
/// errors to show next to fields (keyed by <c>StakeholderFields</c>), and the people to pick from.
/// <see cref="SubmissionId"/> makes submitting the same form twice change the map once. A form opens short;
/// <see cref="Expanded"/> shows every field (after "More details").
/// </summary>
public sealed record StakeholderFormView(
    FormMode Mode,
    Guid MapId,
    string MapName,
    Guid? StakeholderId,
    string SubmissionId,
    StakeholderFormValues Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<PersonOption> People) : Reply
{
    /// <summary>Every field shown, not only the short form's.</summary>
    public bool Expanded { get; init; }

    public string Title => Mode == FormMode.Add ? Text.Say.Format(Text.Sentences.FormTitleAdd, MapName) : Text.Say.Format(Text.Sentences.FormTitleEdit, Values.Name);
}
