using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Privacy;

/// <summary>The sentences people read about erasing a person and exporting history, kept together so they move as one.</summary>
public static class PrivacyTexts
{
    /// <summary>The summary of the history entry an erase leaves: the renderers add when and by whom.</summary>
    public static string ErasedSummary => Sentences.PrivacyErasedSummary;

    /// <summary>What replaces an erased person's name in text that stays (another person's notes, a digest line).</summary>
    public static string Redacted => Sentences.PrivacyRedacted;

    public static string NoLongerOnMap => Sentences.PrivacyNoLongerOnMap;

    public static string ConfirmTitle(string person) => Say.Format(Sentences.PrivacyConfirmTitle, person);

    public static string ConfirmQuestion(string person, string map) => Say.Format(Sentences.PrivacyConfirmQuestion, person, map);

    public static string ConfirmButton => Sentences.PrivacyConfirmButton;

    public static string CancelButton => Sentences.PrivacyCancelButton;

    public static string Erased(string user) => Say.Format(Sentences.PrivacyErased, user);

    public static string HistoryExportTitle(string map) => Say.Format(Sentences.PrivacyHistoryExportTitle, map);

    public static string Changes(int rows) => rows == 1 ? Sentences.PrivacyChangesOne : Say.Format(Sentences.PrivacyChangesMany, rows);

    public static string People(int rows) => rows == 1 ? Sentences.PrivacyPeopleOne : Say.Format(Sentences.PrivacyPeopleMany, rows);

    public static string StakeholdersTitle(string map) => Say.Format(Sentences.PrivacyStakeholdersTitle, map);
}
