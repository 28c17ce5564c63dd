namespace AccountBot.Core.Features.Privacy;

/// <summary>The sentences people read about erasing a person and exporting history, kept together so they move as one.</summary>
public static class PrivacyTexts
{
    /// <summary>The summary of the history entry an erase leaves: the renderers add when and by whom.</summary>
    public const string ErasedSummary = "a person was erased";

    /// <summary>What replaces an erased person's name in text that stays (another person's notes, a digest line).</summary>
    public const string Redacted = "[erased]";

    public const string NoLongerOnMap = "That person is no longer on this map (perhaps already erased).";

    public static string ConfirmTitle(string person) => $"Erase {person}?";

    public static string ConfirmQuestion(string person, string map) =>
        $"Erase {person} from {map} for good? Their details, their relationships and every mention in the map's history go, and cannot be brought back. The history keeps only that a person was erased, when and by whom.";

    public const string ConfirmButton = "Erase";

    public const string CancelButton = "Keep";

    public static string Erased(string user) => $"{user} erased a person from this map. Nothing about them is kept.";

    public static string HistoryExportTitle(string map) => $"{map} history";

    public static string Changes(int rows) => rows == 1 ? "1 change" : $"{rows} changes";

    public static string People(int rows) => rows == 1 ? "1 person" : $"{rows} people";

    public static string StakeholdersTitle(string map) => $"{map} stakeholders";
}
