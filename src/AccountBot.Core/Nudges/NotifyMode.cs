namespace AccountBot.Core.Nudges;

/// <summary>How often a user hears about their due next steps in a direct message (<c>map notify on|off|daily|weekly</c>).</summary>
public enum NotifyMode
{
    /// <summary>One message a day on which something is due or overdue (the default; <c>on</c> means this).</summary>
    Daily,

    /// <summary>One message a week, on the reminder day.</summary>
    Weekly,

    /// <summary>No direct messages at all.</summary>
    Off,
}
