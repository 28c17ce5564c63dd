namespace AccountBot.Slack.WebApi;

/// <summary>
/// Slack message metadata: machine-readable data carried by a message and returned with it by
/// <c>conversations.history</c> (with <c>include_all_metadata</c>). <see cref="EventType"/> is snake_case.
/// </summary>
public sealed record SlackMessageMetadata(string EventType, IReadOnlyDictionary<string, string> EventPayload);
