using AccountBot.Core.Commands;

namespace AccountBot.Core.Telemetry;

/// <summary>
/// The verb a command is counted under: the word a user types (<c>map Acme</c> is <c>map</c>, <c>map Acme tag …</c> is
/// <c>tag</c>), from a closed set, so the metric's attribute never carries an account or a person.
/// </summary>
public static class CommandVerb
{
    /// <summary>Text that did not parse into a command.</summary>
    public const string Invalid = "invalid";

    public static string Of(BotCommand command) => command switch
    {
        InvalidCommand => Invalid,
        ShowMap => "map",
        ShowHelp => "help",
        ListMaps => "list",
        ShowHome => "mine",
        MarkStepDone => "done",
        ChannelSettingsCommand => "settings",
        ImportCsv => "import",
        CreateMap => "create",
        AddStakeholder => "add",
        QuickAddStakeholders => "add",
        UndoQuickAdd => "undo",
        FollowPerson => "follow",
        EditStakeholder => "edit",
        TagStakeholder => "tag",
        UntagStakeholder => "untag",
        RemoveStakeholder => "remove",
        ShowPicture { Picture: MapPicture.Grid } => "grid",
        ShowPicture { Picture: MapPicture.Onion } => "onion",
        ShowPicture { Picture: MapPicture.Org } => "org",
        ShowPicture { Picture: MapPicture.Raci } => "raci",
        MarkReviewed => "reviewed",
        ShowHistory => "history",
        LinkChannel => "link",
        UnlinkChannel => "unlink",
        ExportCsv => "export",
        ResetLinks => "links",
        SnoozeReminders => "snooze",
        SetMapVisibility { Visibility: Accounts.MapVisibility.Private } => "private",
        SetMapVisibility => "public",
        ChangeMapOwner => "owner",
        DeleteMap => "delete",
        ReassignRelationships => "reassign",
        NotifyCommand => "notify",
        PostponeStep => "postpone",
        _ => "other",
    };
}
