namespace AccountBot.Slack.Protocol;

/// <summary>The app was removed from the workspace: its tokens no longer work.</summary>
public sealed record AppUninstalledEvent : SlackEvent;
