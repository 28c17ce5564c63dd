namespace AccountBot.Slack.Rendering;

/// <summary>
/// Every action id, callback id and block id prefix the bot's messages and modals use, in one place. Buttons carry a
/// core command in their <c>value</c>; the action id only says how to answer (replace the map card, or reply anew).
/// </summary>
public static class SlackBotIds
{
    /// <summary>The slash command registered in the manifest.</summary>
    public const string SlashCommand = "/map";

    /// <summary>Actions on a map card: their answer replaces the card in place when it is a map.</summary>
    public const string MapActionPrefix = "map:";
    public const string MapAdd = "map:add";
    public const string MapEdit = "map:edit";
    public const string MapEditSearch = "map:edit-search";
    public const string MapReviewed = "map:reviewed";
    public const string MapHistory = "map:history";
    public const string MapViews = "map:views";
    public const string MapUndo = "map:undo";

    /// <summary>Every other button: runs its command and answers with a new message.</summary>
    public const string CommandActionPrefix = "cmd:";
    public const string Create = "cmd:create";
    public const string Suggestion = "cmd:suggestion";
    public const string Choice = "cmd:choice";
    public const string ConfirmRemove = "cmd:confirm-remove";
    public const string CancelRemove = "cmd:cancel-remove";
    public const string ConfirmErase = "cmd:confirm-erase";
    public const string CancelErase = "cmd:cancel-erase";
    public const string ConfirmDelete = "cmd:confirm-delete";
    public const string CancelDelete = "cmd:cancel-delete";
    public const string OpenMap = "cmd:open-map";
    public const string OpenForm = "cmd:open-form";
    public const string OpenImportForm = "cmd:open-import-form";
    public const string Try = "cmd:try";

    /// <summary>"Follow your champion" after an import marked someone as left: adds them to their new company's map.</summary>
    public const string Follow = "cmd:follow";

    /// <summary>The action id of the <paramref name="index"/>th follow button (action ids are unique in a block).</summary>
    public static string FollowButton(int index) => Follow + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"More details" in the short stakeholder modal: updates the modal to the whole form (not a command).</summary>
    public const string StakeholderMoreDetails = "form:more-details";

    /// <summary>The App Home's buttons (no response_url there: the listener answers by DM and re-publishes the home).</summary>
    public const string HomeActionPrefix = "home:";
    public const string HomeOpen = "home:open";
    public const string HomeDone = "home:done";

    /// <summary>Digest buttons (one actions block per account).</summary>
    public const string DigestOpen = "cmd:digest-open";
    public const string DigestReviewed = "cmd:digest-reviewed";
    public const string DigestSnooze = "cmd:digest-snooze";
    public const string DigestList = "cmd:digest-list";

    /// <summary>Nudge buttons (one actions block per due step, or one for an event).</summary>
    public const string NudgeDone = "cmd:nudge-done";
    public const string NudgeSnooze = "cmd:nudge-snooze";
    public const string NudgeOpen = "cmd:nudge-open";

    /// <summary>The stakeholder modal.</summary>
    public const string StakeholderForm = "stakeholder-form";

    /// <summary>Capture from a message: the manifest's message shortcut, its modal, and the modal's account picker.</summary>
    public const string CaptureShortcut = "add_to_account_map";
    public const string CaptureForm = "capture-form";
    public const string CaptureAccount = "capture:account";

    /// <summary>The CSV import modals: paste form → preview (its submit applies) → a closing notice when it cannot.</summary>
    public const string ImportForm = "import-form";
    public const string ImportPreview = "import-preview";
    public const string ImportNotice = "import-notice";

    /// <summary>The block id of the map card's actions block: <c>mapcard:{map id}</c> (the edit search needs the map).</summary>
    public const string MapCardBlockPrefix = "mapcard:";
}
