using System.Text.Json;

namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>An attachment as the Playground renders it, e.g. <c>application/vnd.microsoft.card.adaptive</c>.</summary>
public sealed record ConversationAttachment(string ContentType, JsonElement Content);
