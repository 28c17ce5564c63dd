namespace AccountBot.Slack.Protocol;

/// <summary>An event type this adapter does not model; its fields stay in <see cref="SlackEvent.ExtensionData"/>.</summary>
public sealed record UnknownSlackEvent : SlackEvent;
