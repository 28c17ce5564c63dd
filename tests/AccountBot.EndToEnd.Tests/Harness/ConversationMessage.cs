using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>The message inside a <see cref="ConversationFrame"/>; <see cref="MessageId"/> is the connector's 201 <c>id</c>.</summary>
public sealed record ConversationMessage(
    string MessageId,
    long Timestamp,
    PlaygroundAccountRef? From,
    string? Text,
    string? TextFormat,
    IReadOnlyList<ConversationAttachment>? Attachments,
    string? AttachmentLayout,
    IReadOnlyList<JsonElement>? Mentions,
    string? PostConversationId);
