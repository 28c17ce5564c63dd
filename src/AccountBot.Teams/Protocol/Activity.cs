using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountBot.Teams.Protocol;

/// <summary>
/// A Bot Framework activity with the fields Teams uses. Fields we do not model (localTimestamp,
/// localTimezone, callerId, …) survive a read/write round trip in <see cref="ExtensionData"/>.
/// </summary>
public sealed record Activity
{
    /// <summary><see cref="ActivityTypes"/>. Required on the wire: a body without it is not an activity.</summary>
    public required string Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    /// <summary>For a card action: the id of the message that holds the card.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Action.Submit data merged with input values, or an invoke's payload.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Invoke and event name, e.g. <see cref="InvokeNames.AdaptiveCardAction"/>.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>installationUpdate: <see cref="InstallationActions"/>.</summary>
    public string? Action { get; init; }

    /// <summary>For outbound messages: <c>AttachmentLayout</c> <c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; init; }

    // set, not init: the source generator cannot fill an init-only extension-data property.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// A new outbound message activity. Its text is marked <c>plain</c>: Teams reads a message's text as
    /// markdown by default, and what the bot writes may quote user input. Formatted content goes in a card.
    /// </summary>
    public static Activity CreateMessage(string? text = null, IReadOnlyList<Attachment>? attachments = null) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = text is null ? null : TextFormats.Plain, Attachments = attachments };

    /// <summary>The tenant, from <c>channelData.tenant.id</c> or else <c>conversation.tenantId</c>.</summary>
    public string? GetTenantId() => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>True when <see cref="Recipient"/> is among <see cref="MembersAdded"/> (the bot was added).</summary>
    public bool IsRecipientAdded() =>
        Recipient?.Id is { Length: > 0 } botId && MembersAdded is not null &&
        MembersAdded.Any(m => string.Equals(m?.Id, botId, StringComparison.Ordinal));

    /// <summary>
    /// The text with every mention of the recipient (the bot) removed, then trimmed. In channels and
    /// group chats Teams only delivers messages that @mention the bot, so commands start with
    /// <c>&lt;at&gt;AccountBot&lt;/at&gt;</c>.
    /// </summary>
    public string RemoveRecipientMention()
    {
        var text = Text ?? string.Empty;
        var botId = Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || Entities is null)
            return text.Trim();

        foreach (var entity in Entities)
        {
            // A null entry in entities[] is malformed but must not stop the message.
            if (entity is not null &&
                string.Equals(entity.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal) &&
                !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    /// <summary>
    /// The reference a proactive send needs. Call it only on an activity whose request was
    /// authenticated: its <see cref="ServiceUrl"/> is where outbound calls (with our token) go.
    /// </summary>
    /// <exception cref="InvalidOperationException">serviceUrl, channelId or conversation is missing.</exception>
    public ConversationReference GetConversationReference()
    {
        if (string.IsNullOrEmpty(ServiceUrl) || string.IsNullOrEmpty(ChannelId) || string.IsNullOrEmpty(Conversation?.Id))
            throw new InvalidOperationException("The activity has no serviceUrl, channelId or conversation id.");

        return new ConversationReference
        {
            ServiceUrl = ServiceUrl,
            ChannelId = ChannelId,
            Conversation = Conversation,
            Bot = Recipient,
            User = From,
            TenantId = GetTenantId(),
            ActivityId = Id,
            Locale = Locale,
        };
    }

    /// <summary>
    /// A message addressed back to this activity's conversation: from the recipient, to the sender,
    /// threaded under this activity.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = text is null ? null : TextFormats.Plain, // as CreateMessage: user input must not become markup
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Locale = Locale,
    };

    /// <summary>The typed <c>value</c> of an <c>adaptiveCard/action</c> invoke, or null when absent or malformed.</summary>
    public AdaptiveCardInvokeValue? GetAdaptiveCardInvokeValue()
    {
        if (Value is not { ValueKind: JsonValueKind.Object } value)
            return null;
        try
        {
            return value.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The typed <c>value</c> of a message extension action invoke, or null when absent or malformed.</summary>
    public MessageActionValue? GetMessageActionValue()
    {
        if (Value is not { ValueKind: JsonValueKind.Object } value)
            return null;
        try
        {
            return value.Deserialize(TeamsJsonContext.Default.MessageActionValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
