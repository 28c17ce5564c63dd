namespace AccountBot.Teams.Rendering;

/// <summary>
/// The verbs and data keys AccountBot's cards put on their buttons (Action.Submit <c>data</c>). Every
/// button ends up as a core command text or a stakeholder submission: one code path for typed and
/// clicked commands.
/// </summary>
public static class CardVerbs
{
    /// <summary>Run <see cref="Command"/> as if typed.</summary>
    public const string Command = "command";

    /// <summary>Run <see cref="Prefix"/> + the value of the input named by <see cref="Input"/> (a person or map picker).</summary>
    public const string CommandFromInput = "commandFromInput";

    /// <summary>The stakeholder form's submit button; the inputs carry the field values.</summary>
    public const string SubmitStakeholder = "submitStakeholder";

    /// <summary>Close a confirmation without doing anything.</summary>
    public const string Cancel = "cancel";

    /// <summary>The import form's submit button: the inputs carry the account and the pasted CSV; the answer is a preview.</summary>
    public const string PreviewImport = "previewImport";

    /// <summary>Confirm an import preview (<see cref="Keys.MapId"/> + <see cref="Keys.ImportId"/>).</summary>
    public const string ApplyImport = "applyImport";

    /// <summary>Drop an import preview without changing anything.</summary>
    public const string CancelImport = "cancelImport";

    public static class Keys
    {
        public const string Command = "command";
        public const string Prefix = "prefix";
        public const string Input = "input";

        /// <summary>"true" when the answer should replace the card the button is on (a change to what that card shows).</summary>
        public const string InPlace = "inPlace";

        public const string MapId = "mapId";
        public const string StakeholderId = "stakeholderId";
        public const string SubmissionId = "submissionId";

        /// <summary>The pending import a preview's confirm button applies (also its idempotency key).</summary>
        public const string ImportId = "importId";

        /// <summary>The relationship owner the form was opened with, so an unchanged pick keeps their name.</summary>
        public const string KnownOwnerId = "knownOwnerId";
        public const string KnownOwnerName = "knownOwnerName";

        /// <summary>The link to the message a form was opened from (capture from a message), kept in the saved person's history.</summary>
        public const string Link = "link";
    }

    /// <summary>Input ids outside the stakeholder fields.</summary>
    public static class Inputs
    {
        public const string Person = "person";
        public const string Map = "openMap";

        /// <summary>Free-text relationship owner when the owner picker is left empty.</summary>
        public const string OwnerText = "ownerText";

        /// <summary>The account picker of the form opened from a message (the map's id).</summary>
        public const string CaptureAccount = "captureAccount";
    }
}
