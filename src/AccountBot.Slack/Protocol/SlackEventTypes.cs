namespace AccountBot.Slack.Protocol;

/// <summary>Values of an inner event's <c>type</c> that this adapter models.</summary>
public static class SlackEventTypes
{
    public const string AppMention = "app_mention";
    public const string AppHomeOpened = "app_home_opened";
    public const string AppUninstalled = "app_uninstalled";
    public const string TokensRevoked = "tokens_revoked";
    public const string ChannelShared = "channel_shared";
    public const string ChannelUnshared = "channel_unshared";
}
