using AccountBot.Core.Accounts;

namespace AccountBot.Core.Commands;

/// <summary>A parsed command: the same words in Teams and Slack. One record per verb.</summary>
public abstract record BotCommand
{
    /// <summary>
    /// Whether this command only shows something (a map, a picture, its history, the list, the home, help) or is text
    /// that did not parse: it changes nothing stored, so its answer can simply be asked for again. An adapter need not
    /// keep such an answer through a crash (see the Teams turn's <c>MarkReadOnly</c>); every other command's answer
    /// reports, or leads to, a change and is kept.
    /// </summary>
    public bool IsReadOnly() => this is InvalidCommand or ShowHelp or ListMaps or ShowHome or ShowMap or ShowPicture or ShowHistory;
}

/// <summary>
/// Text that did not parse: answered with a notice saying why (<see cref="Error"/>) and a command to copy
/// (<see cref="Example"/>). Parsing never throws; bad input gives this command.
/// </summary>
public sealed record InvalidCommand(string Error, string Example) : BotCommand;

/// <summary><c>map</c>, <c>map help</c>.</summary>
public sealed record ShowHelp : BotCommand;

/// <summary><c>map list</c>.</summary>
public sealed record ListMaps : BotCommand;

/// <summary><c>map settings [day mon] [time 09:00] [tz Europe/Paris] [stale 30] [contact 45] [reminders on|off]</c>.</summary>
public sealed record ChannelSettingsCommand(SettingsUpdate? Update) : BotCommand;

/// <summary><c>map import</c> / <c>map Acme import</c>.</summary>
public sealed record ImportCsv(string? Account) : BotCommand;

/// <summary>A command about one account.</summary>
public abstract record AccountCommand(string Account) : BotCommand;

/// <summary><c>map Acme</c>.</summary>
public sealed record ShowMap(string Account) : AccountCommand(Account);

/// <summary><c>map Acme create [sales|partner|marketing]</c>.</summary>
public sealed record CreateMap(string Account, MapKind Kind) : AccountCommand(Account);

/// <summary><c>map Acme add [name]</c>: opens the stakeholder form.</summary>
public sealed record AddStakeholder(string Account, string? Name) : AccountCommand(Account);

/// <summary><c>map Acme edit &lt;person&gt;</c>.</summary>
public sealed record EditStakeholder(string Account, PersonRef Person) : AccountCommand(Account);

/// <summary><c>map Acme tag &lt;person&gt; &lt;role…&gt;</c>.</summary>
public sealed record TagStakeholder(string Account, PersonRef Person, Role Roles) : AccountCommand(Account);

/// <summary><c>map Acme untag &lt;person&gt; &lt;role…&gt;</c>.</summary>
public sealed record UntagStakeholder(string Account, PersonRef Person, Role Roles) : AccountCommand(Account);

/// <summary><c>map Acme remove &lt;person&gt;</c>; <see cref="Confirmed"/> once the user pressed "Remove".</summary>
public sealed record RemoveStakeholder(string Account, PersonRef Person, bool Confirmed) : AccountCommand(Account);

/// <summary><c>map Acme grid|onion|org|raci</c>.</summary>
public sealed record ShowPicture(string Account, MapPicture Picture) : AccountCommand(Account);

/// <summary><c>map Acme reviewed</c>.</summary>
public sealed record MarkReviewed(string Account) : AccountCommand(Account);

/// <summary><c>map Acme history</c>.</summary>
public sealed record ShowHistory(string Account) : AccountCommand(Account);

/// <summary><c>map Acme link</c>.</summary>
public sealed record LinkChannel(string Account) : AccountCommand(Account);

/// <summary><c>map Acme unlink</c>.</summary>
public sealed record UnlinkChannel(string Account) : AccountCommand(Account);

/// <summary><c>map Acme export</c>.</summary>
public sealed record ExportCsv(string Account) : AccountCommand(Account);

/// <summary><c>map Acme links reset</c>: every picture and export link of the map handed out so far stops working.</summary>
public sealed record ResetLinks(string Account) : AccountCommand(Account);

/// <summary><c>map Acme snooze</c>: no reminders about Acme in this channel for a week.</summary>
public sealed record SnoozeReminders(string Account) : AccountCommand(Account);

/// <summary><c>map Acme erase &lt;person&gt;</c>: erases them everywhere (a data-subject request); <see cref="Confirmed"/> once the user pressed "Erase".</summary>
public sealed record ErasePerson(string Account, PersonRef Person, bool Confirmed) : AccountCommand(Account);

/// <summary><c>map Acme history export</c>: every history entry as CSV.</summary>
public sealed record ExportHistory(string Account) : AccountCommand(Account);

/// <summary><c>map Acme private</c> / <c>map Acme public</c>: by the owner or an admin.</summary>
public sealed record SetMapVisibility(string Account, MapVisibility Visibility) : AccountCommand(Account);

/// <summary><c>map Acme owner @user</c>: by an admin.</summary>
public sealed record ChangeMapOwner(string Account, UserMention Owner) : AccountCommand(Account);

/// <summary><c>map Acme delete</c>: by an admin; <see cref="Confirmed"/> once they pressed "Delete".</summary>
public sealed record DeleteMap(string Account, bool Confirmed) : AccountCommand(Account);

/// <summary><c>map reassign @old @new</c>: every relationship <see cref="From"/> owns, on every map of the workspace, goes to <see cref="To"/>; by an admin.</summary>
public sealed record ReassignRelationships(UserMention From, UserMention To) : BotCommand;
/// <summary><c>map Acme add Jane Doe, VP Finance, champion, power 5</c>, one person a line: adds or updates them without a form.</summary>
public sealed record QuickAddStakeholders(string Account, IReadOnlyList<QuickAddLine> Lines) : AccountCommand(Account);

/// <summary><c>map Acme undo &lt;code&gt;</c>: what the Undo button under a quick add sends (<see cref="Code"/> says what to put back).</summary>
public sealed record UndoQuickAdd(string Account, string Code) : AccountCommand(Account);

/// <summary><c>map notify [on|off|daily|weekly]</c>: shows (null) or sets the user's direct-message nudges.</summary>
public sealed record NotifyCommand(Nudges.NotifyMode? Mode) : BotCommand;

/// <summary><c>map Acme postpone &lt;person&gt; day|week</c>: moves the person's next step due date on (the nudge's Snooze).</summary>
public sealed record PostponeStep(string Account, PersonRef Person, int Days) : AccountCommand(Account);

/// <summary><c>map mine</c>: the asker's home, "Your accounts" (maps they own, their people's next steps, recent changes by others).</summary>
public sealed record ShowHome : BotCommand;

/// <summary><c>map Acme done &lt;person&gt;</c>: the person's next step is done (what the home's and a nudge's Done button send).</summary>
public sealed record MarkStepDone(string Account, PersonRef Person) : AccountCommand(Account);

/// <summary><c>map Globex follow &lt;code&gt;</c>: what a "follow your champion" button sends after an import marked someone as left.</summary>
public sealed record FollowPerson(string Account, string Code) : AccountCommand(Account);
