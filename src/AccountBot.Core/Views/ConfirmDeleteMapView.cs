using AccountBot.Core.Features.Admin;
using AccountBot.Core.Text;

namespace AccountBot.Core.Views;

/// <summary>Asks an admin before deleting a map; nothing is deleted without the confirm button.</summary>
public sealed record ConfirmDeleteMapView(Guid MapId, string MapName, int PeopleCount) : Reply, IDangerConfirmation
{
    public required string ConfirmCommand { get; init; }

    /// <summary>Where the Keep button leads: the map again.</summary>
    public required string CancelCommand { get; init; }

    public string Title => AdminTexts.Format(Sentences.AdminConfirmDeleteTitle, MapName);

    public string Question => AdminTexts.Format(Sentences.AdminConfirmDeleteQuestion, MapName, Features.Privacy.PrivacyTexts.People(PeopleCount));

    public string ConfirmButton => Sentences.AdminConfirmDeleteButton;

    public string CancelButton => Sentences.AdminCancelDeleteButton;
}
