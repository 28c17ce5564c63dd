using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Routing;

/// <summary>
/// A reply or card update promised after the ack, as kept in the follow-up outbox (<see cref="TeamsReplySender"/>):
/// what to do (<see cref="Operation"/>), where (<see cref="Inbound"/>: the activity that asked, stored as its conversation
/// reference only — service URL, conversation, the activity id to reply to, sender, bot, tenant; never its text or
/// values: <see cref="TeamsReplySender.Step"/>), and the message or card to send (<see cref="Outbound"/>).
/// </summary>
public sealed record TeamsStoredReply(string Operation, Activity Inbound, Activity Outbound, string? CardId = null)
{
    /// <summary>Threaded under the inbound activity (<see cref="TeamsTurn.ReplyAsync(Activity, CancellationToken)"/>).</summary>
    public const string Reply = "reply";

    /// <summary>Into the conversation, not threaded (<see cref="TeamsTurn.SendAsync"/>).</summary>
    public const string Send = "send";

    /// <summary>To the asker's personal chat (<see cref="TeamsTurn.SendPersonalAsync"/>).</summary>
    public const string Personal = "personal";

    /// <summary>Replaces <see cref="CardId"/>; when the card cannot be edited, sent as a new message instead.</summary>
    public const string Update = "update";

    /// <summary>A refusal notice; a conversation that blocks the bot is not recorded (<see cref="TeamsTurn.ReplyWithoutRecordingAsync"/>).</summary>
    public const string Notice = "notice";

    /// <summary>The parts of <paramref name="activity"/> a reply is addressed with: no text, value, attachments or entities.</summary>
    public static Activity ReferenceOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = activity.Type,
            Id = activity.Id,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            From = activity.From,
            Recipient = activity.Recipient,
            Conversation = activity.Conversation,
            Locale = activity.Locale,
            ChannelData = activity.ChannelData,
        };
    }
}
