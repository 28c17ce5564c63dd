namespace AccountBot.Core.Forms;

/// <summary>What a form field holds; each platform picks its widget for a kind and nothing else.</summary>
public enum FieldKind
{
    Text,
    Email,
    Url,

    /// <summary>A whole number between <see cref="FormField.Min"/> and <see cref="FormField.Max"/>.</summary>
    NumberRange,

    /// <summary>A date, sent back as <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>One of <see cref="FormField.Options"/>.</summary>
    SingleChoice,

    /// <summary>Any of <see cref="FormField.Options"/>, sent back joined by commas.</summary>
    MultiChoice,

    /// <summary>Another person on this map (the form's people), sent back as their id.</summary>
    PersonOnMap,

    /// <summary>A user of the chat platform (Slack or Teams), sent back as their id.</summary>
    ChatUser,
}
