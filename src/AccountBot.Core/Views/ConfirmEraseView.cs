using AccountBot.Core.Features.Privacy;

namespace AccountBot.Core.Views;

/// <summary>Asks before erasing a person everywhere (a data-subject request); nothing is erased without the confirm button.</summary>
public sealed record ConfirmEraseView(Guid MapId, string MapName, Guid StakeholderId, string PersonName) : Reply, IDangerConfirmation
{
    public required string ConfirmCommand { get; init; }

    /// <summary>Where the Keep button leads: the map again.</summary>
    public required string CancelCommand { get; init; }

    public string Title => PrivacyTexts.ConfirmTitle(PersonName);

    public string Question => PrivacyTexts.ConfirmQuestion(PersonName, MapName);

    public string ConfirmButton => PrivacyTexts.ConfirmButton;

    public string CancelButton => PrivacyTexts.CancelButton;
}
